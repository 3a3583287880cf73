/** Keys and query options of a conversation, shared by the features: one factory for hooks, prefetching and tests. */
import { queryOptions } from '@tanstack/react-query';
import { fetchConversation } from './get-conversation';

export const conversationQueries = {
  all: () => ['conversations'] as const,
  /** Keys of the triage list (its query options live with it, in features/triage/api/list-query.ts). */
  lists: () => [...conversationQueries.all(), 'list'] as const,
  details: () => [...conversationQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...conversationQueries.details(), id],
      queryFn: ({ signal }) => fetchConversation(id, signal),
    }),
};
