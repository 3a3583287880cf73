/**
 * A change to a conversation, shown wherever the cache holds it: its own page and every list it
 * is in (whose order then follows). The refetch after a write confirms or corrects it.
 */
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Conversation } from './conversation-model';
import { conversationQueries } from './queries';

/** The fields an agent can change from the page. */
export type ConversationPatch = Partial<
  Pick<Conversation, 'status' | 'priority' | 'isAiEnabled' | 'assignees'>
>;

/** A list's pages as the triage list caches them: rows, some of which are conversations. */
type CachedList = InfiniteData<{ rows: { kind: string; conversation?: Conversation }[] }>;

export function patchCachedConversation(
  queryClient: QueryClient,
  id: string,
  patch: ConversationPatch,
) {
  const apply = (conversation: Conversation) =>
    conversation.id === id ? { ...conversation, ...patch } : conversation;
  queryClient.setQueryData(
    conversationQueries.detail(id).queryKey,
    (conversation) => conversation && apply(conversation),
  );
  queryClient.setQueriesData<CachedList>({ queryKey: conversationQueries.lists() }, (list) =>
    list?.pages
      ? {
          ...list,
          pages: list.pages.map((page) => ({
            ...page,
            rows: page.rows.map((row) =>
              row.conversation ? { ...row, conversation: apply(row.conversation) } : row,
            ),
          })),
        }
      : list,
  );
}

/** The fields of `patch` as the conversation has them now: what undoing it sets back. */
export function fieldsBefore(conversation: Conversation, patch: ConversationPatch) {
  return Object.fromEntries(
    Object.keys(patch).map((field) => [field, conversation[field as keyof ConversationPatch]]),
  ) as ConversationPatch;
}

/** After a write: the conversation and its lists are asked again, to confirm what was shown. */
export const refetchConversation = (queryClient: QueryClient, id: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: conversationQueries.detail(id).queryKey }),
    queryClient.invalidateQueries({ queryKey: conversationQueries.lists() }),
  ]);
