/**
 * The triage list's query options, beside the list: the conversation page, which never lists,
 * does not load the list's fetcher and filters.
 */
import { queryOptions } from '@tanstack/react-query';
import { fetchConversationList } from './list-conversations';
import type { ListFilters } from './list-filters';
import { conversationQueries } from '@/lib/conversation/queries';

export const conversationListQuery = (filters: ListFilters) =>
  queryOptions({
    queryKey: [...conversationQueries.lists(), filters],
    queryFn: ({ signal }) => fetchConversationList(filters, signal),
  });
