/** The triage list's data for a view: its rows, and whether and how more of them come. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { walksToTheEnd, type ListView } from './list-filters';
import type { ListRow } from './list-conversations';
import { conversationListQuery, uniqueRows } from './list-query';

export function useTriageList({ statuses, filters }: ListView) {
  const options = conversationListQuery(statuses, filters);
  const list = useInfiniteQuery(options);
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
  // Every page is in, and the last answer (or the one before a failed refresh) is whole.
  const walkedAll =
    list.data !== undefined && !hasNextPage && (list.isSuccess || list.isRefetchError);

  // A refresh asks again for as many pages as were loaded; when a status has grown past a page,
  // the walk then needs one more. Until it has it, the rows of the last whole walk stay: no row
  // leaves and comes back, and the count does not fall back to "so far".
  const key = JSON.stringify(options.queryKey);
  const [lastWhole, setLastWhole] = useState<{ key: string; rows: ListRow[] } | null>(null);
  if (walks && walkedAll && lastWhole?.rows !== rows) setLastWhole({ key, rows });
  const holding = walks && !walkedAll && lastWhole?.key === key;

  return {
    list,
    rows: holding ? lastWhole.rows : rows,
    /** Every page is in: the count is the view's true count. */
    complete: walkedAll || holding,
    /** The open queue's key, once it has been walked whole at least once; else null. */
    liveKey: walks && (walkedAll || holding) ? key : null,
    /** For views that load a page at a time: the next page, unless one is on its way. */
    loadMore: walks || !hasNextPage || isFetchingNextPage ? undefined : () => void fetchNextPage(),
  };
}
