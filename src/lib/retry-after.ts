/** Retry-After, read the same way by the browser and the viewer's server. */

// The HTTP-date form of Retry-After (IMF-fixdate), e.g. "Wed, 21 Oct 2026 07:28:00 GMT".
const httpDate = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Retry-After as seconds: a number of seconds or an HTTP date; anything else is unknown. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  if (!httpDate.test(value)) return undefined;
  return Math.max(0, Math.ceil((Date.parse(value) - now) / 1000));
}
