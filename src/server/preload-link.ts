/**
 * A deep link's data, asked for while the app's script is still downloading: the page's response
 * carries `Link: rel=preload` for the conversation's API call, which the app's own fetch then
 * takes over. Only live servers send it (in demo mode the browser's mock answers /api).
 */
import type { Connect } from 'vite';

// Ids as Chatvolt makes them. Anything else (a `,` or `>` would break the header) is simply
// fetched by the app once it runs.
const plainId = /^[A-Za-z0-9_-]{1,256}$/;

/** The Link header value for a page path, or null when the page has no data to preload. */
export function preloadLinkFor(pathname: string): string | null {
  const id = /^\/conversations\/([^/]+)$/.exec(pathname)?.[1];
  if (!id || !plainId.test(id)) return null;
  return `</api/conversation/${id}>; rel=preload; as=fetch; crossorigin`;
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
