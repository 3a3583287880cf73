/** The triage list's data for a view: its rows, and whether and how more of them come. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { walksToTheEnd, type ListView } from './list-filters';
import { conversationListQuery, uniqueRows } from './list-query';

export function useTriageList({ statuses, filters }: ListView) {
  const list = useInfiniteQuery(conversationListQuery(statuses, filters));
  const walks = walksToTheEnd(statuses);
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = list;

  // The open queue is walked to its end, page after page, so its order and count are true. The
  // page count is a dependency: a page can arrive without a render that shows it being fetched.
  const pagesLoaded = list.data?.pages.length ?? 0;
  useEffect(() => {
    if (walks && pagesLoaded > 0 && hasNextPage && !isFetchingNextPage && !isFetchNextPageError)
      void fetchNextPage();
  }, [walks, pagesLoaded, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  const rows = useMemo(() => uniqueRows(list.data?.pages ?? []), [list.data]);
  return {
    list,
    rows,
    /** Every page is in: the count is the view's true count. */
    complete: list.isSuccess && !hasNextPage,
    /** For views that load a page at a time: the next page, unless one is on its way. */
    loadMore: walks || !hasNextPage || isFetchingNextPage ? undefined : () => void fetchNextPage(),
  };
}
