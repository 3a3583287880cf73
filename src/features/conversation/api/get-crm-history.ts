/**
 * Fetcher for a conversation's CRM history (`GET /crm/conversationLog`): every page of it, read
 * tolerantly. The only place that knows the endpoint; loaded with its reader on first use.
 */
import { ApiError, apiGet } from '@/lib/api-client';
import type { Section } from '@/lib/conversation/conversation-model';
import type { CrmHistory, CrmLog } from './crm-history-model';
import { NotACrmHistoryError, parseCrmHistoryPage } from './crm-history-schema';

/** The most the API gives per page. */
const CRM_HISTORY_PAGE_SIZE = 100;
/** At most 5,000 moves: a longer history, or an API that never stops, costs no more requests. */
const CRM_HISTORY_MAX_PAGES = 50;

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
  const read = (body: unknown) => {
    try {
      return parseCrmHistoryPage(body);
    } catch (error) {
      if (error instanceof NotACrmHistoryError) throw new ApiError('invalid-response');
      throw error;
    }
  };
  const logs: Section<CrmLog> = { items: [], unreadable: [] };
  const seen = new Set<string>();
  for (let page = 1; page <= CRM_HISTORY_MAX_PAGES; page += 1) {
    const body = await apiGet(pagePath(conversationId, page), signal);
    const { logs: pageLogs, received, totalPages } = read(body);
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
    if (isLast) break;
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
