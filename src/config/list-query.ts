/**
 * The query of the list (`GET /api/conversation`) that the `/api` proxies forward, checked the
 * same way by src/server/api-proxy.ts and deploy/nginx.conf.template; the viewer asks only for
 * what they let through. Apart from the CRM history's, which every conversation page loads.
 */
import { pageLimit } from './crm-history-query.ts';

/** Its documented filters, and keyset pagination. */
export const listQuery = {
  /** Forwarded as received, in this order, once each; the viewer checks their values itself. */
  filters: [
    'status',
    'priority',
    'channel',
    'agentId',
    'assigneeId',
    'unread',
    'tag',
    'ai',
    'frustrationMin',
    'frustrationMax',
    'npsRating',
    'crmScenarioId',
    'crmStepId',
    'adSourceId',
    'createdAt',
    'endDate',
  ],
  limit: pageLimit,
  /**
   * The JSON the viewer builds from the last item it got, and nothing else: two strings, a date
   * and an id, of bounded length.
   */
  cursor: /^\{"lastCreatedAt":"[0-9TZ:.+-]{10,40}","lastId":"[A-Za-z0-9_.:@-]{1,128}"\}$/,
} as const;

/**
 * How far behind the API the open queue may fall while its tab is visible. Each refresh comes at
 * a multiple of this period on the wall clock, not a period after this tab's last one: the
 * viewer's server keeps a list's answer until just before the next multiple, so every agent
 * watching the queue costs the API one walk, not one each.
 */
export const OPEN_QUEUE_REFRESH_MS = 10_000;
