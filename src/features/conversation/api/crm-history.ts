/** Query options of a conversation's CRM history: one factory for the timeline and tests. */
import { queryOptions } from '@tanstack/react-query';
import { crmHistoryQuery } from '@/config/crm-history-query';
import { conversationQueries } from '@/lib/conversation/queries';

// The fetcher and its reader load with the first request: a page's first paint needs neither.
const loadFetcher = () => import('./get-crm-history');

export const crmHistoryQueries = {
  of: (conversationId: string) =>
    queryOptions({
      queryKey: [...conversationQueries.all(), 'crm-history', conversationId],
      queryFn: ({ signal }) =>
        loadFetcher().then(({ fetchCrmHistory }) => fetchCrmHistory(conversationId, signal)),
      // An id the proxies would refuse (see config/crm-history-query.ts) is not asked: the links alone show.
      enabled: crmHistoryQuery.conversationId.test(conversationId),
    }),
};
