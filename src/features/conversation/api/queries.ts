/** Keys and query options of the conversation feature: one factory for hooks, prefetching and tests. */
import { queryOptions } from '@tanstack/react-query';
import { fetchConversation } from './get-conversation';
import { fetchConversationList } from './list-conversations';
import type { ListFilters } from './list-filters';

export const conversationQueries = {
  all: () => ['conversations'] as const,
  lists: () => [...conversationQueries.all(), 'list'] as const,
  list: (filters: ListFilters) =>
    queryOptions({
      queryKey: [...conversationQueries.lists(), filters],
      queryFn: ({ signal }) => fetchConversationList(filters, signal),
    }),
  details: () => [...conversationQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...conversationQueries.details(), id],
      queryFn: ({ signal }) => fetchConversation(id, signal),
    }),
};
