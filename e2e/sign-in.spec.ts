/**
 * Sign-in against a real OpenID provider (e2e/support/oidc-provider.ts, oidc-provider with its
 * own login pages), on the live build served by `vite preview` with sign-in set up. The stub API
 * records every call, so each test can prove what never reached it.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import { createSealer } from '../src/server/auth/sealed-cookie.ts';
import { createSessions } from '../src/server/auth/session.ts';
import { expect, test } from './support/fixtures';
import {
  e2eApiKey,
  signInDistDir,
  signInLogPath,
  signInOrigin,
  signInStubUrl,
} from './support/servers';
import { oidcIssuer, sessionSecret } from './support/sign-in-env';
import { signInAtProvider } from './support/sign-in';
import { receivedBy } from './support/upstream-record';

/** An id of the stub's that echoes itself, new to each test, so its calls can be counted. */
const freshId = () => `echo_${Math.random().toString(36).slice(2, 10)}`;

const stubCallsFor = async (id: string) =>
  (await receivedBy(signInStubUrl)).filter((call) => call.path.includes(id));

/** The sign-in server's audit lines that mention `user`, as parsed JSON. */
function auditLinesOf(user: string): Record<string, unknown>[] {
  return readFileSync(signInLogPath, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.user === user);
}

/** A session cookie sealed as the server seals it, for a session that started `agoSeconds` ago. */
async function sealedSession(email: string, agoSeconds: number) {
  const sessions = createSessions({
    sealer: createSealer(sessionSecret),
    lifetimeSeconds: 12 * 3600,
    idleSeconds: 2 * 3600,
    now: () => Math.floor(Date.now() / 1000) - agoSeconds,
  });
  return (await sessions.start({ email, emailVerified: true, name: null })).sealed;
}

async function setSessionCookie(context: BrowserContext, value: string) {
  await context.addCookies([
    { name: 'viewer_session', value, url: signInOrigin, httpOnly: true, sameSite: 'Lax' },
  ]);
}

test('a deep link leads to sign-in and back, and the conversation shows for an allowed account', async ({
  page,
}) => {
  const login = `ana.${Math.random().toString(36).slice(2, 6)}@acme.test`;
  await page.goto('/conversations/conv_live_1');
  await signInAtProvider(page, login);

  await expect(page).toHaveURL(`${signInOrigin}/conversations/conv_live_1`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Live conversation from the stub' }),
  ).toBeVisible();
  const account = page.getByRole('button', { name: new RegExp(`^Account: Ana .*\\(${login}\\)$`) });
  await expect(account).toBeVisible();
  await account.click();
  await expect(page.getByText('Signed in as')).toBeVisible();
  await expect(page.getByText(/^Signed in until /)).toBeVisible();

  // Every call of the page is in the audit log under the agent's address, after the sign-in.
  await expect.poll(() => auditLinesOf(login).map((entry) => entry.event)[0]).toBe('sign-in');
  const calls = auditLinesOf(login).filter((entry) => entry.event === 'api');
  expect(calls).toContainEqual(
    expect.objectContaining({ method: 'GET', path: '/conversation/conv_live_1', status: 200 }),
  );
  expect(JSON.stringify(auditLinesOf(login))).not.toContain(e2eApiKey);
});

test('nobody signed in gets nothing: /api answers 401 and a deep link draws nothing', async ({
  request,
}) => {
  const id = freshId();
  const api = await request.get(`/api/conversation/${id}`);
  expect(api.status()).toBe(401);
  expect(api.headers()['x-viewer-sign-in']).toBe('required');

  const page = await request.get(`/conversations/${id}?tab=notes`, { maxRedirects: 0 });
  expect(page.status()).toBe(303);
  expect(page.headers().location).toBe(
    `/auth/login?returnTo=${encodeURIComponent(`/conversations/${id}?tab=notes`)}`,
  );
  expect(await page.text()).not.toContain(id);
  expect(await stubCallsFor(id)).toEqual([]);
});

test('an account outside the allowed domain is told which one and how to switch, and reads nothing', async ({
  page,
}) => {
  const id = freshId();
  await page.goto(`/conversations/${id}`);
  await signInAtProvider(page, 'bob@other.test');

  await expect(
    page.getByRole('heading', { name: 'This account cannot read conversations here' }),
  ).toBeVisible();
  await expect(page.getByRole('main').getByText('bob@other.test')).toBeVisible();
  const api = await page.request.get(`/api/conversation/${id}`);
  expect(api.status()).toBe(403);
  expect(await stubCallsFor(id)).toEqual([]);
  expect(auditLinesOf('bob@other.test')).toContainEqual(
    expect.objectContaining({ event: 'sign-in-refused', reason: 'account-not-allowed' }),
  );

  // Switching asks the provider for a login again, and leads back to the deep link.
  await page.getByRole('link', { name: 'Sign in with another account' }).click();
  await signInAtProvider(page, 'ana@acme.test');
  await expect(page).toHaveURL(`${signInOrigin}/conversations/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Echo ${id}` })).toBeVisible();
});

test('an address the provider did not verify is refused, whatever its domain', async ({ page }) => {
  await page.goto('/conversations/conv_live_1');
  await signInAtProvider(page, 'unverified.cara@acme.test');
  await expect(page.getByText(/has not verified this e-mail address/)).toBeVisible();
  expect((await page.request.get('/api/conversation/conv_live_1')).status()).toBe(403);
});

test('an address verified as Microsoft Entra ID says it (xms_edov) is let in', async ({ page }) => {
  await page.goto('/conversations/conv_live_1');
  await signInAtProvider(page, 'entra.gil@acme.test');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Live conversation from the stub' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Account: Gil (gil@acme.test)' })).toBeAttached();
});

test('a tampered or foreign session cookie is refused', async ({ page, context }) => {
  await page.goto('/conversations/conv_live_1');
  await signInAtProvider(page, 'dora@acme.test');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Cookies know no ports: the provider's, on the same address, sit beside the viewer's.
  const cookie = (await context.cookies(signInOrigin)).find(
    ({ name }) => name === 'viewer_session',
  );
  expect(cookie).toMatchObject({ name: 'viewer_session', httpOnly: true, sameSite: 'Lax' });
  const value = cookie!.value;
  const flipped = `${value.slice(0, 40)}${value[40] === 'A' ? 'B' : 'A'}${value.slice(41)}`;
  await setSessionCookie(context, flipped);
  expect((await page.request.get('/api/conversation/conv_live_1')).status()).toBe(401);

  // Sealed well, but with another secret: another deployment's cookie.
  const foreign = await createSessions({
    sealer: createSealer('another-deployment-secret-of-32-characters'),
    lifetimeSeconds: 3600,
    idleSeconds: 3600,
  }).start({ email: 'dora@acme.test', emailVerified: true, name: null });
  await setSessionCookie(context, foreign.sealed);
  expect((await page.request.get('/api/conversation/conv_live_1')).status()).toBe(401);
});

test('a session that ends while the page is open leads to sign-in and back to the same place', async ({
  page,
  context,
}) => {
  await setSessionCookie(context, await sealedSession('eva@acme.test', 0));
  await page.goto('/conversations?status=all&q=from+the+stub');
  const row = page.getByRole('link', { name: /Live conversation from the stub/ });
  await expect(row).toBeVisible();

  // Twelve hours on: the same browser, the same page, a session past its lifetime.
  await setSessionCookie(context, await sealedSession('eva@acme.test', 13 * 3600));
  const href = await row.getAttribute('href');
  await row.click();
  await signInAtProvider(page, 'eva@acme.test');
  await expect(page).toHaveURL(`${signInOrigin}${href}`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Live conversation from the stub' }),
  ).toBeVisible();
  expect(auditLinesOf('eva@acme.test').map((entry) => entry.event)).toContain('sign-in');
});

test('signing out ends the session here and at the provider', async ({ page }) => {
  await page.goto('/conversations/conv_live_1');
  await signInAtProvider(page, 'fabio@acme.test');
  await page.getByRole('button', { name: /^Account: / }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await expect(page).toHaveURL(new RegExp(`^${oidcIssuer}/session/end`));
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(`${signInOrigin}/signed-out`);
  await expect(page.getByRole('heading', { name: 'You have signed out' })).toBeVisible();
  expect((await page.request.get('/api/conversation/conv_live_1')).status()).toBe(401);
  expect(auditLinesOf('fabio@acme.test').map((entry) => entry.event)).toContain('sign-out');

  // The provider's session ended too: signing in again asks for a login.
  await page.getByRole('link', { name: 'Sign in again' }).click();
  await expect(page.getByRole('textbox', { name: 'Enter any login' })).toBeVisible();
});

test('a sign-out posted from another site is refused', async ({ request }) => {
  const response = await request.post('/auth/logout', {
    headers: { origin: 'https://evil.test', 'sec-fetch-site': 'cross-site' },
  });
  expect(response.status()).toBe(403);
});

test('the preview server refuses to start with the key and no sign-in, saying what to set', async () => {
  const child = spawn(
    'npx',
    ['vite', 'preview', '--outDir', signInDistDir, '--port', '4199', '--strictPort'],
    {
      env: { ...process.env, VIEWER_MODE: 'live', CHATVOLT_API_KEY: e2eApiKey, VIEWER_AUTH: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code).not.toBe(0);
  expect(output).toContain('VIEWER_OIDC_ISSUER');
  expect(output).toContain('VIEWER_AUTH=off');
});
