/**
 * Fetcher and query options of a conversation's CRM history (`GET /crm/conversationLog`): every
 * page of it, read tolerantly. The only place that knows the endpoint.
 */
import { queryOptions } from '@tanstack/react-query';
import { crmHistoryQuery } from '@/config/crm-history-query';
import { ApiError, apiGet } from '@/lib/api-client';
import type { Section } from './conversation-model';
import type { CrmHistory, CrmLog } from './crm-history-model';
import { conversationQueries } from './queries';

/** The most the API gives per page. */
export const CRM_HISTORY_PAGE_SIZE = 100;
/** At most 5,000 moves: a longer history, or an API that never stops, costs no more requests. */
export const CRM_HISTORY_MAX_PAGES = 50;

// Loaded beside the first page, as the conversation's reader is: the first paint needs neither.
const loadCrmHistorySchema = () => import('./crm-history-schema');

/** Whether the proxies let this conversation's history through (see crm-history-query.ts). */
const canAskCrmHistory = (conversationId: string) =>
  crmHistoryQuery.conversationId.test(conversationId);

/** 402 (a paid feature) and 403 (no CRM on the plan) mean the history is not there to read. */
const isPlanRefusal = (error: unknown) =>
  error instanceof ApiError && (error.status === 402 || error.status === 403);

function pagePath(conversationId: string, page: number) {
  const query = new URLSearchParams({
    conversationId,
    page: String(page),
    limit: String(CRM_HISTORY_PAGE_SIZE),
  });
  return `crm/conversationLog?${query.toString()}`;
}

/**
 * Every page, from the first up to `totalPages`. Stops early on a page that brings no log id not
 * seen before (an API that ignores `page` sends the first one again), and at the page cap.
 */
async function readAllPages(conversationId: string, signal?: AbortSignal) {
  const getPage = (page: number) => apiGet(pagePath(conversationId, page), signal);
  const [firstPage, schema] = await Promise.all([getPage(1), loadCrmHistorySchema()]);
  const read = (body: unknown) => {
    try {
      return schema.parseCrmHistoryPage(body);
    } catch (error) {
      if (error instanceof schema.NotACrmHistoryError) throw new ApiError('invalid-response');
      throw error;
    }
  };
  const logs: Section<CrmLog> = { items: [], unreadable: [] };
  const seen = new Set<string>();
  for (let page = 1; page <= CRM_HISTORY_MAX_PAGES; page += 1) {
    const {
      logs: pageLogs,
      received,
      totalPages,
    } = read(page === 1 ? firstPage : await getPage(page));
    const bringsNewId = pageLogs.items.some((log) => log.id !== null && !seen.has(log.id));
    if (page > 1 && !bringsNewId) break;
    for (const log of pageLogs.items) {
      if (log.id !== null && seen.has(log.id)) continue;
      if (log.id !== null) seen.add(log.id);
      // Another conversation's log is none of this one's history (an API that ignores the filter).
      if (log.conversationId === null || log.conversationId === conversationId) {
        logs.items.push(log);
      }
    }
    logs.unreadable.push(...pageLogs.unreadable);
    const isLast = totalPages === null ? received < CRM_HISTORY_PAGE_SIZE : page >= totalPages;
    if (isLast || !bringsNewId) break;
  }
  return logs;
}

export async function fetchCrmHistory(
  conversationId: string,
  signal?: AbortSignal,
): Promise<CrmHistory> {
  try {
    return { kind: 'available', logs: await readAllPages(conversationId, signal) };
  } catch (error) {
    if (isPlanRefusal(error)) return { kind: 'unavailable' };
    throw error;
  }
}

export const crmHistoryQueries = {
  of: (conversationId: string) =>
    queryOptions({
      queryKey: [...conversationQueries.all(), 'crm-history', conversationId],
      queryFn: ({ signal }) => fetchCrmHistory(conversationId, signal),
      // An id the proxies would refuse is not asked: the links alone are shown.
      enabled: canAskCrmHistory(conversationId),
    }),
};
