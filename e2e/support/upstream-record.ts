/** What a stub upstream received, as it records it at `/__received`. */
import { expect, type Page } from '@playwright/test';

export interface Received {
  method: string;
  path: string;
  authorization: string | null;
  cookie: string | null;
}

export async function receivedBy(stubUrl: string): Promise<Received[]> {
  const response = await fetch(`${stubUrl}/__received`);
  return (await response.json()) as Received[];
}

/**
 * A deep link's page preloads its conversation and newest messages, and the app takes both over:
 * the API is asked for each exactly once. An id that could break the header gets none.
 */
export async function expectDeepLinkPreloadedOnce(page: Page, stubUrl: string) {
  const id = `echo_${Math.random().toString(36).slice(2, 10)}`;
  const response = await page.goto(`/conversations/${id}`);
  expect(response?.headers().link).toBe(
    `</api/conversation/${id}>; rel=preload; as=fetch; crossorigin, ` +
      `</api/conversation/${id}/messages/50>; rel=preload; as=fetch; crossorigin`,
  );
  await expect(page.getByRole('heading', { level: 1, name: `Echo ${id}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Transcript' })).toBeVisible();
  // Two of either would mean the app did not take the preload over and asked again.
  const received = (await receivedBy(stubUrl)).map((r) => r.path);
  expect(received.filter((path) => path === `/conversation/${id}`)).toHaveLength(1);
  expect(received.filter((path) => path === `/conversation/${id}/messages/50`)).toHaveLength(1);

  const odd = await page.goto(`/conversations/${encodeURIComponent('echo:a,b>c')}`);
  expect(odd?.headers().link).toBeUndefined();
  await expect(page.getByRole('heading', { level: 1, name: 'Echo echo:a,b>c' })).toBeVisible();
}
