/**
 * The query of the CRM history (`GET /api/crm/conversationLog`) that the `/api` proxies forward:
 * src/server/api-proxy.ts and deploy/nginx.conf.template check these same rules, and the viewer
 * asks only for what they let through.
 */

/** A page size as the API takes it: 1 to 100 (the list's too). */
export const pageLimit = /^(?:[1-9][0-9]?|100)$/;

export const crmHistoryQuery = {
  /**
   * An id as Chatvolt makes them (cuids) and as the demo names them: letters, digits, `_`, `.`,
   * `-`, which a URL carries unencoded, so nginx, which reads the value as sent, sees the same.
   */
  conversationId: /^[A-Za-z0-9_.-]{1,128}$/,
  page: /^[1-9][0-9]{0,3}$/,
  limit: pageLimit,
} as const;
