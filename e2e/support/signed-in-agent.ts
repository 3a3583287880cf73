/**
 * The agent of the sign-in tests, signed in at the real OpenID provider, working on the stub's
 * own conversations (`act_…`) through the viewer's `/api` proxy: opening one, and reading what
 * reached the stub API and what the viewer's server wrote in its audit log.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { conversationPage } from './conversation-page';
import { e2eApiKey, signInLogPath, signInOrigin, signInStubUrl } from './servers';
import { signInAtProvider } from './sign-in';
import { receivedBy } from './upstream-record';

/** The agent every test signs in as; the provider names the account "Ana Souza". */
export const agent = 'ana.souza@acme.test';
export const agentName = 'Ana Souza';

/**
 * A conversation of the stub's own, new to this test; `kind` asks for a failure (`fail403_`…),
 * a closed reply window (`closed_`) or a send whose answer is lost (`drop_`).
 */
export const freshId = (kind = '') => `act_${kind}${Math.random().toString(36).slice(2, 10)}`;

/** The calls that reached the stub API for conversation `id` (or any id that contains it). */
export const stubCallsFor = async (id: string) =>
  (await receivedBy(signInStubUrl)).filter((call) => call.path.includes(id));

/** The sign-in server's audit lines about writes to conversation `id`, as parsed JSON. */
export function auditedWritesTo(id: string): Record<string, unknown>[] {
  return readFileSync(signInLogPath, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.method === 'POST' && entry.conversationId === id);
}

/** What the stub records of a write the viewer's server sent: its key alone, the body rebuilt. */
export const forwarded = (path: string, body: string | null) => ({
  method: 'POST',
  path,
  authorization: `Bearer ${e2eApiKey}`,
  cookie: null,
  contentType: body === null ? null : 'application/json',
  origin: null,
  body,
});

/** Opens the conversation, signing in at the provider on the way, as the agent. */
export async function openSignedIn(page: Page, id: string) {
  await page.goto(`/conversations/${id}`);
  await signInAtProvider(page, agent);
  await expect(page).toHaveURL(`${signInOrigin}/conversations/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Action test ${id}` })).toBeVisible();
  await expect(
    page.getByRole('button', { name: `Account: ${agentName} (${agent})` }),
  ).toBeAttached();
  return conversationPage(page);
}

/**
 * Holds the page's POSTs to `pattern` on their way out until released, so that what the page
 * shows before the API answers can be seen; released, each goes on to the viewer's server unchanged.
 */
export async function holdPosts(page: Page, pattern: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    await released;
    await route.continue();
  });
  return release;
}
