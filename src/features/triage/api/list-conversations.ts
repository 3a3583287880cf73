/**
 * Fetcher for the conversation list, a page at a time. The API pages by keyset: it answers a bare
 * array (at most `limit`), and the client builds the next cursor from the last item it got; a
 * page shorter than the limit is the last.
 */
import { listQuery } from '@/config/list-query';
import { ApiError, apiGet } from '@/lib/api-client';
import type { KnownStatus } from '@/config/conversation-values';
import type { Conversation } from '@/lib/conversation/conversation-model';
import { NotAConversationError, parseConversation } from '@/lib/conversation/conversation-schema';
import { apiSearchParams, type ListFilters } from './list-filters';

/** The most the API gives at once. */
export const LIST_PAGE_SIZE = 100;

/** One row of the list: a conversation, or an item we could not read, shown as received. */
export type ListRow =
  | { kind: 'conversation'; conversation: Conversation }
  | { kind: 'unreadable'; raw: unknown; position: number };

/** Where the next page starts: after this item, in the API's order. */
export interface ListCursor {
  lastCreatedAt: string;
  lastId: string;
}

export interface ListPage {
  rows: ListRow[];
  /** Null when this page is the last, or when no cursor could be built after it. */
  next: ListCursor | null;
  /** A full page after which no cursor could be built: the API may hold more than was walked. */
  cutShort: boolean;
}

export function parseConversationList(body: unknown): ListRow[] {
  if (!Array.isArray(body)) throw new ApiError('invalid-response');
  return body.map((item: unknown, position): ListRow => {
    try {
      const conversation = parseConversation(item);
      // Without an id a row cannot link anywhere: show it as received instead.
      return conversation.id
        ? { kind: 'conversation', conversation }
        : { kind: 'unreadable', raw: item, position };
    } catch (error) {
      if (error instanceof NotAConversationError)
        return { kind: 'unreadable', raw: item, position };
      throw error;
    }
  });
}

/**
 * The cursor after the last item that can name one: its `createdAt` and `id`, as sent. One the
 * proxies would refuse (an id of other characters than Chatvolt's) ends the walk instead.
 */
function cursorAfter(body: unknown[]): ListCursor | null {
  for (const item of body.toReversed()) {
    if (typeof item !== 'object' || item === null) continue;
    const { createdAt, id } = item as Record<string, unknown>;
    if (typeof createdAt !== 'string' || typeof id !== 'string') continue;
    const cursor = { lastCreatedAt: createdAt, lastId: id };
    return listQuery.cursor.test(JSON.stringify(cursor)) ? cursor : null;
  }
  return null;
}

export async function fetchListPage(
  {
    status,
    filters,
    cursor,
  }: { status?: KnownStatus; filters: ListFilters; cursor: ListCursor | null },
  signal?: AbortSignal,
): Promise<ListPage> {
  const params = apiSearchParams(status, filters);
  params.set('limit', String(LIST_PAGE_SIZE));
  if (cursor) params.set('cursor', JSON.stringify(cursor));
  const body = await apiGet(`conversation?${params.toString()}`, signal);
  const rows = parseConversationList(body);
  const full = (body as unknown[]).length >= LIST_PAGE_SIZE;
  const next = full ? cursorAfter(body as unknown[]) : null;
  return { rows, next, cutShort: full && next === null };
}
