/** What a stub upstream received, as it records it at `/__received`. */
import { expect, type Page } from '@playwright/test';

export interface Received {
  method: string;
  path: string;
  authorization: string | null;
  cookie: string | null;
  contentType: string | null;
  /** The browser's Origin, had anything passed it on. */
  origin: string | null;
  /** The body as sent, or null when there was none. */
  body: string | null;
}

export async function receivedBy(stubUrl: string): Promise<Received[]> {
  const response = await fetch(`${stubUrl}/__received`);
  return (await response.json()) as Received[];
}

const preload = (path: string) => `<${path}>; rel=preload; as=fetch; crossorigin`;

/**
 * A deep link asks the API for its conversation and newest messages exactly once each. A page
 * the server renders carries the conversation already, and preloads the messages; a page it does
 * not render preloads both, and the app takes them over. An id that could break the header gets
 * none unless encoded.
 */
export async function expectDeepLinkPreloadedOnce(
  page: Page,
  stubUrl: string,
  { serverRendered }: { serverRendered: boolean },
) {
  const id = `echo_${Math.random().toString(36).slice(2, 10)}`;
  const response = await page.goto(`/conversations/${id}`);
  const messages = preload(`/api/conversation/${id}/messages/50`);
  expect(response?.headers().link).toBe(
    serverRendered ? messages : `${preload(`/api/conversation/${id}`)}, ${messages}`,
  );
  await expect(page.getByRole('heading', { level: 1, name: `Echo ${id}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Transcript' })).toBeVisible();
  // Two of either would mean the app did not take the preload over and asked again.
  const received = (await receivedBy(stubUrl)).map((r) => r.path);
  expect(received.filter((path) => path === `/conversation/${id}`)).toHaveLength(1);
  expect(received.filter((path) => path === `/conversation/${id}/messages/50`)).toHaveLength(1);

  const oddId = 'echo:a,b>c';
  const odd = await page.goto(`/conversations/${encodeURIComponent(oddId)}`);
  expect(odd?.headers().link).toBe(
    serverRendered
      ? preload(`/api/conversation/${encodeURIComponent(oddId)}/messages/50`)
      : undefined,
  );
  await expect(page.getByRole('heading', { level: 1, name: `Echo ${oddId}` })).toBeVisible();
}
