/**
 * The triage list's query: one infinite query that walks the view's statuses in turn (the open
 * queue: those who asked for a human first, then the unresolved), a page of 100 at a time.
 */
import { infiniteQueryOptions } from '@tanstack/react-query';
import { conversationQueries } from '@/lib/conversation/queries';
import { fetchListPage, type ListCursor, type ListPage, type ListRow } from './list-conversations';
import { statusesToFetch, type ListFilters, type StatusScope } from './list-filters';

/** Where a page starts: which of the view's statuses, after which item. */
interface PageStart {
  stream: number;
  cursor: ListCursor | null;
}

export interface StreamPage extends ListPage {
  stream: number;
}

/** 20,000 conversations: past this the walk stops, whatever the API still has. */
export const MAX_PAGES = 200;

const idsOf = (page: StreamPage) =>
  page.rows.flatMap((row) => (row.kind === 'conversation' ? [row.conversation.id] : []));

/** Whether the newest page brought an id no earlier page had: an API that ignores the cursor must not loop. */
function bringsNewIds(pages: StreamPage[]): boolean {
  const earlier = new Set(pages.slice(0, -1).flatMap(idsOf));
  return idsOf(pages.at(-1)!).some((id) => !earlier.has(id));
}

const firstPage: PageStart = { stream: 0, cursor: null };

export const conversationListQuery = (statuses: StatusScope, filters: ListFilters) => {
  const streams = statusesToFetch(statuses);
  return infiniteQueryOptions({
    queryKey: [...conversationQueries.lists(), { statuses, filters }],
    queryFn: async ({ pageParam, signal }): Promise<StreamPage> => ({
      stream: pageParam.stream,
      // From `statuses` again, not `streams`: the query's key holds its inputs, not derived ones.
      ...(await fetchListPage(
        { status: statusesToFetch(statuses)[pageParam.stream], filters, cursor: pageParam.cursor },
        signal,
      )),
    }),
    initialPageParam: firstPage,
    // A refetch asks for every loaded page again, one after the other: not on each focus, and
    // not when the agent comes back from a conversation within the minute.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
    getNextPageParam: (last, pages): PageStart | undefined => {
      if (pages.length >= MAX_PAGES) return undefined;
      if (last.next && bringsNewIds(pages)) return { stream: last.stream, cursor: last.next };
      return last.stream + 1 < streams.length
        ? { stream: last.stream + 1, cursor: null }
        : undefined;
    },
  });
};

/** The pages' rows, each conversation once (pages may overlap), in the order they came. */
export function uniqueRows(pages: StreamPage[]): ListRow[] {
  const seen = new Set<string>();
  return pages.flatMap((page) =>
    page.rows.filter((row) => {
      if (row.kind !== 'conversation') return true;
      if (seen.has(row.conversation.id)) return false;
      seen.add(row.conversation.id);
      return true;
    }),
  );
}
