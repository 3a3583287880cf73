/**
 * The viewer's own origin, and whether a request came from one of its pages: the one check every
 * state-changing request passes (signing out now, the conversation writes later).
 */
import type { IncomingMessage } from 'node:http';

/**
 * Where the browser reached the viewer: VIEWER_PUBLIC_URL when set, else the request's own Host,
 * on https when the connection or the proxy in front (X-Forwarded-Proto) says so.
 */
export function viewerOrigin(request: IncomingMessage, publicOrigin: string | undefined): string {
  if (publicOrigin) return publicOrigin;
  const forwarded = String(request.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]!
    .trim()
    .toLowerCase();
  const encrypted = 'encrypted' in request.socket && request.socket.encrypted === true;
  const scheme = encrypted || forwarded === 'https' ? 'https' : 'http';
  return `${scheme}://${request.headers.host ?? 'localhost'}`;
}

/**
 * Whether the request comes from the viewer's own pages: its Origin is the viewer's, and the
 * browser, when it says (Sec-Fetch-Site), calls it same-origin. A request with no Origin at all
 * is refused: every browser sends one with a POST.
 */
export function isFromViewerPage(request: IncomingMessage, origin: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  return request.headers.origin === origin;
}
