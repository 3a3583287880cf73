/**
 * The triage list's query: one infinite query that walks the view's statuses in turn (the open
 * queue: those who asked for a human first, then the unresolved), a page of 100 at a time.
 */
import { infiniteQueryOptions, type InfiniteData } from '@tanstack/react-query';
import { OPEN_QUEUE_REFRESH_MS } from '@/config/list-query';
import { conversationQueries } from '@/lib/conversation/queries';
import { untilAligned } from '@/lib/query-client';
import { fetchListPage, type ListCursor, type ListPage, type ListRow } from './list-conversations';
import { statusesToFetch, walksToTheEnd, type ListFilters, type StatusScope } from './list-filters';

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

/** Where the walk goes after `last`: on in its status, to the next status, or nowhere. */
function nextPageAfter(
  last: StreamPage,
  pages: StreamPage[],
  streamCount: number,
): PageStart | undefined {
  if (pages.length >= MAX_PAGES) return undefined;
  if (last.next && bringsNewIds(pages)) return { stream: last.stream, cursor: last.next };
  return last.stream + 1 < streamCount ? { stream: last.stream + 1, cursor: null } : undefined;
}

/** The open queue in a hidden tab, aligned too: enough for its title's count and notifications. */
export const HIDDEN_QUEUE_REFRESH_MS = 60_000;
/** Views with resolved conversations ask again for every page they have loaded, aligned too. */
export const LOADED_PAGES_REFRESH_MS = 60_000;

/** The first multiple of `periodMs` on the wall clock from `time` on. */
const alignedFrom = (time: number, periodMs: number) => Math.ceil(time / periodMs) * periodMs;

/** What a refresh's timing reads of the query. */
interface ListQueryState {
  state: {
    status: string;
    fetchStatus: string;
    dataUpdatedAt: number;
    errorUpdatedAt: number;
    data?: InfiniteData<StreamPage, PageStart>;
  };
}

/**
 * When the view is asked again; a refresh asks again for each loaded page in turn and replaces
 * them all at once, so the list never shows empty meanwhile. The open queue: at each multiple of
 * 10 s while visible, of a minute while hidden, and not while its walk is still bringing pages
 * (unless it failed). The others: at a minute's multiple, at least half a minute after their
 * last answer (a page loaded at :59 is not asked again at :00).
 */
function refreshOf(statuses: StatusScope, streamCount: number) {
  if (!walksToTheEnd(statuses)) {
    return {
      staleTime: LOADED_PAGES_REFRESH_MS,
      refetchInterval: (query: ListQueryState) =>
        alignedFrom(
          Math.max(Date.now(), query.state.dataUpdatedAt + LOADED_PAGES_REFRESH_MS / 2),
          LOADED_PAGES_REFRESH_MS,
        ) - Date.now() || LOADED_PAGES_REFRESH_MS,
      refetchIntervalInBackground: false,
    };
  }
  return {
    staleTime: OPEN_QUEUE_REFRESH_MS,
    refetchInterval: (query: ListQueryState) => {
      const pages = query.state.data?.pages;
      const walking =
        query.state.status !== 'error' &&
        pages !== undefined &&
        nextPageAfter(pages.at(-1)!, pages, streamCount) !== undefined;
      if (walking) return false;
      const period =
        document.visibilityState === 'hidden' ? HIDDEN_QUEUE_REFRESH_MS : OPEN_QUEUE_REFRESH_MS;
      return untilAligned(query.state, period);
    },
    refetchIntervalInBackground: true,
  };
}

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
    // Back to the tab or from a conversation: asked again only if older than its period.
    ...refreshOf(statuses, streams.length),
    refetchOnWindowFocus: true,
    getNextPageParam: (last, pages) => nextPageAfter(last, pages, streams.length),
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
