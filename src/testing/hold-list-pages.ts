import { http } from 'msw';
import { server } from './server';

/**
 * Holds the list's pages whose query `held` picks until the returned release is called: a walk
 * of the queue still under way. Other pages, and the held ones once released, are answered by
 * the handlers already in place.
 */
export function holdListPages(held: (query: URLSearchParams) => boolean): () => void {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  server.use(
    http.get('/api/conversation', async ({ request }) => {
      if (held(new URL(request.url).searchParams)) await released;
    }),
  );
  return release;
}
