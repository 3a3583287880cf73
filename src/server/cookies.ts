/** Reading a request's cookies and writing the viewer's own: one place for their attributes. */
import type { IncomingMessage } from 'node:http';

export function readCookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * A Set-Cookie value the page's scripts cannot read (HttpOnly), sent to the viewer itself only on
 * its own pages and top-level arrivals (SameSite=Lax), and only over https when served on https.
 * A max age of 0 deletes it.
 */
export function serverCookie(
  name: string,
  value: string,
  { maxAgeSeconds, path = '/', secure }: { maxAgeSeconds: number; path?: string; secure: boolean },
): string {
  const attributes = [`Path=${path}`, `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`];
  attributes.push('HttpOnly', 'SameSite=Lax');
  if (secure) attributes.push('Secure');
  return [`${name}=${encodeURIComponent(value)}`, ...attributes].join('; ');
}
