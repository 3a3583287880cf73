/** Fetcher for the conversation list; its items are thinner than the detail and parsed one by one. */
import { ApiError, apiGet } from '@/lib/api-client';
import type { Conversation } from '@/lib/conversation/conversation-model';
import { NotAConversationError, parseConversation } from '@/lib/conversation/conversation-schema';
import { apiSearchParams, type ListFilters } from './list-filters';

/** One row of the list: a conversation, or an item we could not read, shown as received. */
export type ListRow =
  | { kind: 'conversation'; conversation: Conversation }
  | { kind: 'unreadable'; raw: unknown; position: number };

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

export async function fetchConversationList(
  filters: ListFilters,
  signal?: AbortSignal,
): Promise<ListRow[]> {
  const query = apiSearchParams(filters).toString();
  return parseConversationList(
    await apiGet(query ? `conversation?${query}` : 'conversation', signal),
  );
}
