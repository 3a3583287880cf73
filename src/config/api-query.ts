/**
 * The queries the `/api` proxies forward, checked the same way by src/server/api-proxy.ts and
 * deploy/nginx.conf.template; the viewer asks only for what they let through.
 */

/** A page size as the API takes it: 1 to 100. */
const pageLimit = /^(?:[1-9][0-9]?|100)$/;

/** The CRM history (`GET /api/crm/conversationLog`). */
export const crmHistoryQuery = {
  /**
   * An id as Chatvolt makes them (cuids) and as the demo names them: letters, digits, `_`, `.`,
   * `-`, which a URL carries unencoded, so nginx, which reads the value as sent, sees the same.
   */
  conversationId: /^[A-Za-z0-9_.-]{1,128}$/,
  page: /^[1-9][0-9]{0,3}$/,
  limit: pageLimit,
} as const;

/** The list (`GET /api/conversation`): its documented filters, and keyset pagination. */
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
