/**
 * A deep link's data, asked for while the app's script is still downloading: the page's response
 * carries `Link: rel=preload` for the conversation's API call and its newest messages, which the
 * app's own fetches then take over. Only live servers send it (in demo mode the browser's mock
 * answers /api).
 */
import type { Connect } from 'vite';

/** The transcript's first page, as TRANSCRIPT_PAGE_SIZE says (a test keeps the two equal). */
export const PRELOADED_MESSAGES = 50;

// Ids as Chatvolt makes them. Anything else (a `,` or `>` would break the header) is simply
// fetched by the app once it runs.
const plainId = /^[A-Za-z0-9_-]{1,256}$/;

/** The newest messages' API path, for an id already encoded as a path segment. */
export const messagesPath = (encodedId: string) =>
  `/api/conversation/${encodedId}/messages/${PRELOADED_MESSAGES}`;

/** A Link header value that preloads these API paths as the app's fetches will ask for them. */
export const preloadLinks = (paths: string[]) =>
  paths.map((path) => `<${path}>; rel=preload; as=fetch; crossorigin`).join(', ');

/** The Link header value for a page path, or null when the page has no data to preload. */
export function preloadLinkFor(pathname: string): string | null {
  const id = /^\/conversations\/([^/]+)$/.exec(pathname)?.[1];
  if (!id || !plainId.test(id)) return null;
  return preloadLinks([`/api/conversation/${id}`, messagesPath(id)]);
}

export function preloadLinkMiddleware(): Connect.NextHandleFunction {
  return (request, response, next) => {
    if (request.method === 'GET') {
      const link = preloadLinkFor(new URL(request.url ?? '/', 'http://viewer').pathname);
      if (link) response.setHeader('link', link);
    }
    next();
  };
}
