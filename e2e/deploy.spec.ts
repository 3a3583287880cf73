/**
 * The production deployment end to end: the live build served by nginx from
 * deploy/nginx.conf.template (see deploy.config.ts), in front of a stub Chatvolt API.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { securityHeaders } from '../src/server/security-headers.ts';
import {
  accessLogPath,
  deployAgent,
  deployAgentStatePath,
  deployApiKey,
  deployBaseUrl,
  deployDistDir,
  deployPort,
  deployRunDir,
  deployStubUrl,
  errorLogPath,
  viewerServerLogPath,
  repoRoot,
} from './support/deploy-env.ts';
import { signInAtProvider } from './support/sign-in';
import { expectDeepLinkPreloadedOnce, receivedBy } from './support/upstream-record';

const receivedUpstream = () => receivedBy(deployStubUrl);

/** The signed-in agent's session cookie (deploy-sign-in.setup.ts), as a Cookie header's part. */
function agentSessionCookie(): string {
  const state = JSON.parse(readFileSync(deployAgentStatePath, 'utf8')) as {
    cookies: { name: string; value: string }[];
  };
  const session = state.cookies.find(({ name }) => name === 'viewer_session');
  if (!session) throw new Error(`no viewer_session in ${deployAgentStatePath}`);
  return `viewer_session=${session.value}`;
}

/**
 * GETs the path as written (Playwright and fetch would resolve `..` and `%2e` first), as the
 * signed-in agent.
 */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const headers = { cookie: agentSessionCookie() };
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port: deployPort, path, headers };
    const request = httpRequest(options, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** A word only one test uses, to pick its requests out of everything the stub received. */
const uniqueMarker = () => `probe${Math.random().toString(36).slice(2, 10)}`;

const liveHeading = { level: 1, name: 'Live conversation from the stub' } as const;

test('a deep link opens the live conversation, and again on reload', async ({ page }) => {
  const response = await page.goto('/conversations/conv_live_1');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', liveHeading)).toBeVisible();
  await expect(page.getByText('Demo data')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', liveHeading)).toBeVisible();

  await page.goto('/conversations?status=HUMAN_REQUESTED');
  const list = page.getByRole('list', { name: 'Conversations' });
  await expect(list.getByRole('link', { name: /Live conversation from the stub/ })).toBeVisible();
  await page.reload();
  await expect(list.getByRole('link', { name: /Live conversation from the stub/ })).toBeVisible();
});

test('the key reaches the API and never the browser, and the browser’s cookie stays behind', async ({
  page,
  context,
}) => {
  await context.addCookies([{ name: 'session', value: 'from-the-browser', url: deployBaseUrl }]);
  const seenByBrowser: string[] = [];
  const apiRequestHeaders: Promise<Record<string, string>>[] = [];
  page.on('request', (request) => {
    seenByBrowser.push(request.url());
    if (request.url().includes('/api/')) {
      apiRequestHeaders.push(request.allHeaders().catch(() => ({})));
    }
  });
  page.on('response', async (response) => {
    // A response still arriving as the test ends (the app loads after the page has painted)
    // finds the page closed: nothing more to see.
    const headers = await response.allHeaders().catch(() => ({}));
    seenByBrowser.push(JSON.stringify(headers));
    const body = await response.body().catch(() => Buffer.alloc(0));
    seenByBrowser.push(body.toString('utf8'));
  });

  await page.goto('/conversations/conv_live_1');
  await expect(page.getByRole('heading', liveHeading)).toBeVisible();
  await expect(page.getByText('Needs a human')).toBeVisible();

  const sent = await Promise.all(apiRequestHeaders);
  expect(sent.map((headers) => headers.cookie)).toContainEqual(
    expect.stringContaining('session=from-the-browser'),
  );
  expect(await receivedUpstream()).toContainEqual({
    method: 'GET',
    path: '/conversation/conv_live_1',
    authorization: `Bearer ${deployApiKey}`,
    cookie: null,
    contentType: null,
    origin: null,
    body: null,
  });
  expect(seenByBrowser.length).toBeGreaterThan(3);
  expect(seenByBrowser.filter((text) => text.includes(deployApiKey))).toEqual([]);
});

test('any id travels to the API as exactly one segment, encoded as the browser sent it', async ({
  page,
}) => {
  const ids = [
    'echo:a/b',
    'echo:q?x=1',
    'echo:100%',
    'echo:with space',
    'echo:ünï©ødé 会話',
    'echo:looks-like-a-file.js.map',
  ];
  for (const id of ids) {
    await page.goto(`/conversations/${encodeURIComponent(id)}`);
    await expect(page.getByRole('heading', { level: 1, name: `Echo ${id}` })).toBeVisible();
  }
  const paths = (await receivedUpstream()).map((received) => received.path);
  expect(paths).toEqual(
    expect.arrayContaining(ids.map((id) => `/conversation/${encodeURIComponent(id)}`)),
  );
});

test('hashed assets are cached for a year, everything else never, and text is gzipped', async ({
  request,
}) => {
  for (const path of ['/', '/conversations/conv_live_1']) {
    const page = await request.get(path);
    expect(page.status(), path).toBe(200);
    expect(page.headers()['content-type'], path).toBe('text/html; charset=utf-8');
    expect(page.headers()['cache-control'], path).toBe('no-store');
  }

  const html = await (await request.get('/')).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
  expect(assets.filter((path) => path.endsWith('.js')).length).toBeGreaterThan(0);
  expect(assets.filter((path) => path.endsWith('.css')).length).toBeGreaterThan(0);
  for (const path of assets) {
    const asset = await request.get(path, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status(), path).toBe(200);
    expect(asset.headers()['cache-control'], path).toBe('public, max-age=31536000, immutable');
    // Under nginx's gzip_min_length (1 KiB), a file is not worth compressing, nor varying.
    const compressed = statSync(join(repoRoot, deployDistDir, path)).size >= 1024;
    expect(
      { encoding: asset.headers()['content-encoding'], vary: asset.headers()['vary'] },
      path,
    ).toEqual(compressed ? { encoding: 'gzip', vary: 'Accept-Encoding' } : {});
  }
  expect(assets.some((path) => statSync(join(repoRoot, deployDistDir, path)).size >= 1024)).toBe(
    true,
  );

  // A chunk that is not there fails, rather than coming back as index.html for a year.
  const missing = await request.get('/assets/index-notthere.js');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['cache-control']).toBe('no-store');

  const sourceMap = readdirSync(join(repoRoot, deployDistDir, 'assets')).find((name) =>
    name.endsWith('.map'),
  );
  expect(sourceMap).toBeDefined();
  expect((await request.get(`/assets/${sourceMap}`)).status()).toBe(404);
});

test('every response carries the security headers of the dev and preview servers', async ({
  request,
}) => {
  const html = await (await request.get('/')).text();
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  const responses = await Promise.all([
    request.get('/'),
    request.get('/conversations/conv_live_1'),
    request.get(script!),
    request.get('/assets/index-notthere.js'),
    request.get('/api/conversation/conv_live_1'),
    request.get('/api/organization/settings'),
    request.post('/api/conversation/conv_live_1', { data: {} }),
    request.get('/healthz'),
  ]);
  for (const response of responses) {
    expect(response.headers(), response.url()).toMatchObject(securityHeaders);
    expect(response.headers().server, response.url()).toBe('nginx'); // and no version
    expect(response.headers()['content-security-policy']).not.toContain('unsafe-inline');
  }
});

test('only GET and HEAD of allow-listed API paths reach the API, with the key and nothing of the browser’s', async ({
  request,
}) => {
  const marker = uniqueMarker();
  const id = (suffix: string) => encodeURIComponent(`echo:${marker}-${suffix}`);

  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
    const response = await request.fetch(`/api/conversation/${id('method')}`, { method });
    expect(response.status(), method).toBe(405);
    expect(response.headers().allow, method).toBe('GET, HEAD');
  }
  for (const path of [
    `/api/organization/${marker}`,
    `/api/${marker}`,
    `/api/conversation/${id('two')}/segments`,
    `/api/conversation/../organization/${marker}`,
    `/api/./conversation/${id('dot')}`,
    '/api/',
    '/api/conversation/',
    // Dot segments are a way up, not an id, however they are spelt.
    '/api/conversation/..',
    '/api/conversation/.',
    '/api/conversation/%2e%2E',
    '/api/conversation/%2E?x=1',
  ]) {
    // The viewer's server's answer: the API never hears of it.
    expect(await rawGet(path), path).toEqual({
      status: 404,
      body: '{"error":"Unknown API path"}',
    });
  }
  // nginx decodes `%61pi` to reach /api/, and passes the path on as sent: the server knows no
  // such path at all.
  expect(await rawGet(`/%61pi/conversation/${id('encoded-api')}`)).toEqual({
    status: 404,
    body: '{"error":"Not found"}',
  });

  const head = await request.head(`/api/conversation/${id('head')}`);
  expect(head.status()).toBe(200);
  const get = await request.get(`/api/conversation/${id('get')}?fields=all&organizationId=x`, {
    headers: {
      authorization: 'Bearer from-the-browser',
      cookie: `${agentSessionCookie()}; session=from-the-browser`,
    },
  });
  expect(get.status()).toBe(200);
  expect(await get.json()).toEqual({
    id: `echo:${marker}-get`,
    title: `Echo echo:${marker}-get`,
  });

  const received = await receivedUpstream();
  const upstream = {
    authorization: `Bearer ${deployApiKey}`,
    cookie: null,
    contentType: null,
    origin: null,
    body: null,
  };
  expect(received.filter((r) => r.path.includes(marker))).toEqual([
    { method: 'HEAD', path: `/conversation/${id('head')}`, ...upstream },
    { method: 'GET', path: `/conversation/${id('get')}`, ...upstream },
  ]);
  // Whatever reached the API, from any test, is one of the allowed shapes.
  const allowedShape =
    /^\/conversation(\/[^/?]+(\/messages\/\d{1,4})?)?(\?|$)|^\/crm\/conversationLog\?conversationId=[\w.-]+(&page=\d+)?(&limit=\d+)?$/;
  expect(received.filter((r) => !allowedShape.test(r.path))).toEqual([]);
  expect(received.filter((r) => r.authorization !== upstream.authorization || r.cookie)).toEqual(
    [],
  );
});

test('a conversation’s latest messages reach the API with their count, and nothing else under it', async ({
  request,
}) => {
  const marker = uniqueMarker();
  const id = encodeURIComponent(`echo:${marker}/x`);
  const messages = await request.get(`/api/conversation/${id}/messages/50?count=9999`);
  expect(messages.status()).toBe(200);
  for (const path of [
    `/api/conversation/${id}/messages/12345`,
    `/api/conversation/${id}/messages/`,
    `/api/conversation/${id}/messages/-1`,
    `/api/conversation/${id}/messages/5/more`,
    `/api/conversation/${id}/other/5`,
    `/api/conversation/../messages/5`,
  ]) {
    expect(await rawGet(path), path).toEqual({
      status: 404,
      body: '{"error":"Unknown API path"}',
    });
  }
  const received = (await receivedUpstream()).filter((r) => r.path.includes(marker));
  expect(received.map((r) => r.path)).toEqual([`/conversation/${id}/messages/50`]);
});

test('the list forwards only its documented filters and a checked page, once each', async ({
  request,
}) => {
  const marker = uniqueMarker();
  const cursor = encodeURIComponent(
    JSON.stringify({ lastCreatedAt: '2026-11-25T06:00:00.000Z', lastId: `conv_${marker}` }),
  );
  const response = await request.get(
    `/api/conversation?cursor=${cursor}&status=HUMAN_REQUESTED&foo=bar&assigneeId=${marker}&organizationId=org_x&unread=true&status=RESOLVED&frustrationMin=0.6&limit=100`,
  );
  expect(response.status()).toBe(200);
  for (const query of [
    `?assigneeId=${marker}&limit=101`,
    `?assigneeId=${marker}&limit=0`,
    `?assigneeId=${marker}&cursor=x`,
    `?assigneeId=${marker}&cursor=${encodeURIComponent('{"lastCreatedAt":"2026-11-25T06:00:00Z","lastId":"a","x":"b"}')}`,
  ]) {
    expect(await rawGet(`/api/conversation${query}`), query).toEqual({
      status: 400,
      body: '{"error":"Invalid query parameters"}',
    });
  }
  const received = (await receivedUpstream()).filter((r) => r.path.includes(marker));
  expect(received.map((r) => r.path)).toEqual([
    `/conversation?status=HUMAN_REQUESTED&assigneeId=${marker}&unread=true&frustrationMin=0.6&limit=100&cursor=${cursor}`,
  ]);
});

test('the CRM history reaches the API with its conversation, page and limit alone, or not at all', async ({
  request,
}) => {
  const marker = uniqueMarker();
  const history = await request.get(
    `/api/crm/conversationLog?limit=100&status=error&conversationId=${marker}&page=2&conversationId=other&organizationId=x`,
  );
  expect(history.status()).toBe(200);
  expect(
    (
      await request.get(`/api/crm/conversationLog?conversationId=${marker}-plain&page=&limit=`)
    ).status(),
  ).toBe(200);
  for (const query of [
    '',
    '?page=1',
    '?conversationId=',
    `?conversationId=${marker}${'x'.repeat(128)}`,
    `?conversationId=${marker}%2Fx`,
    `?conversationId=${marker}%26organizationId%3Dx`,
    `?conversationId=${marker}&page=0`,
    `?conversationId=${marker}&page=12345`,
    `?conversationId=${marker}&limit=0`,
    `?conversationId=${marker}&limit=101`,
    `?conversationId=${marker}&limit=ten`,
  ]) {
    expect(await rawGet(`/api/crm/conversationLog${query}`), query).toEqual({
      status: 400,
      body: '{"error":"Invalid query parameters"}',
    });
  }
  for (const path of [
    `/api/crm/conversationLog/${marker}`,
    `/api/crm/scenario?conversationId=${marker}`,
    `/api/crm/conversationlog?conversationId=${marker}`,
  ]) {
    expect(await rawGet(path), path).toEqual({
      status: 404,
      body: '{"error":"Unknown API path"}',
    });
  }
  const received = (await receivedUpstream()).filter((r) => r.path.includes(marker));
  expect(received.map((r) => r.path)).toEqual([
    `/crm/conversationLog?conversationId=${marker}&page=2&limit=100`,
    `/crm/conversationLog?conversationId=${marker}-plain`,
  ]);
});

test('the API’s own errors pass through, and a silent API gets a 504 after 15 s', async ({
  request,
}) => {
  test.setTimeout(60_000);
  const limited = await request.get('/api/conversation/status_429');
  expect(limited.status()).toBe(429);
  expect(limited.headers()['retry-after']).toBe('3');
  expect(limited.headers()['cache-control']).toBe('no-store');

  const started = Date.now();
  const silent = await request.get('/api/conversation/never_answers', { timeout: 40_000 });
  expect(silent.status()).toBe(504);
  expect(await silent.json()).toEqual({ error: 'The API did not answer in time' });
  // The viewer's server's upstream timeout (15 s), not an earlier failure.
  expect(Date.now() - started).toBeGreaterThanOrEqual(14_000);
});

test('/healthz answers 200 without asking the API', async ({ request }) => {
  const health = await request.get('/healthz');
  expect(health.status()).toBe(200);
  expect(await health.text()).toBe('ok\n');
  expect(health.headers()['cache-control']).toBe('no-store');
  expect((await receivedUpstream()).filter((r) => r.path.includes('healthz'))).toEqual([]);
});

test('neither the key nor the browser’s credentials are ever logged', async ({ request }) => {
  const marker = uniqueMarker();
  const session = agentSessionCookie();
  const credentials = {
    headers: {
      authorization: `Bearer ${marker}-token`,
      cookie: `${session}; session=${marker}-cookie`,
    },
  };
  const response = await request.get(`/api/conversation/conv_live_1?${marker}`, credentials);
  expect(response.status()).toBe(200);
  // A page the viewer's server draws too.
  expect((await request.get(`/conversations/conv_live_1?${marker}`, credentials)).status()).toBe(
    200,
  );
  await expect.poll(() => readFileSync(accessLogPath, 'utf8')).toContain(`?${marker} `);

  const logs = [accessLogPath, errorLogPath, viewerServerLogPath]
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
  expect(logs).toContain('viewer server on http://127.0.0.1:');
  // The audit log: one JSON line for the call, what was asked and how it ended.
  const audited = readFileSync(viewerServerLogPath, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const entry = audited.find(
    (line) => line.path === '/conversation/conv_live_1' && line.method === 'GET',
  );
  expect(entry).toMatchObject({ event: 'api', user: deployAgent, status: 200 });
  expect(Date.parse(String(entry?.time))).not.toBeNaN();
  expect(typeof entry?.durationMs).toBe('number');
  expect(logs).not.toContain(deployApiKey);
  expect(logs).not.toContain(`${marker}-token`);
  expect(logs).not.toContain(`${marker}-cookie`);
  expect(logs).not.toContain(session.split('=')[1]);
});

test('the viewer’s server will not serve live data without sign-in, or being told it is off', () => {
  const server = join(repoRoot, `${deployDistDir}-server`, 'viewer-server.js');
  const started = spawnSync(process.execPath, [server], {
    env: { PATH: process.env.PATH, CHATVOLT_API_KEY: deployApiKey, VIEWER_SERVER: '127.0.0.1:0' },
    encoding: 'utf8',
    timeout: 10_000,
  });
  expect(started.status).toBe(1);
  expect(started.stderr).toContain('VIEWER_OIDC_ISSUER');
  expect(started.stderr).toContain('VIEWER_AUTH=off');
  expect(started.stderr).not.toContain(deployApiKey);
});

test('nginx holds no key: its rendered configuration names neither the key nor the API', () => {
  const config = readFileSync(join(deployRunDir, 'nginx.conf'), 'utf8');
  expect(config).toContain('location /api/');
  expect(config).not.toContain(deployApiKey);
  expect(config).not.toContain(deployStubUrl);
});

test('a deep link asks the API once, the page preloading what the app then fetches', async ({
  page,
}) => {
  await expectDeepLinkPreloadedOnce(page, deployStubUrl, { serverRendered: true });
});

test('the viewer’s server draws a deep link, readable before any script runs', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'pt-BR' });
  const page = await context.newPage();
  const response = await page.goto('/conversations/conv_live_1');
  expect(response?.headers()['content-encoding']).toBe('gzip');
  expect(response?.headers()['cache-control']).toBe('no-store');
  await expect(page.getByRole('heading', liveHeading)).toBeVisible();
  await expect(page.getByText('Precisa de humano')).toBeVisible();
  await context.close();
});

test('a deep link the viewer’s server does not draw is the plain app, which says what is wrong', async ({
  page,
}) => {
  // Past 256 characters the viewer's server declines (404), and nginx serves index.html instead.
  const response = await page.goto(`/conversations/${'x'.repeat(300)}`);
  expect(response?.status()).toBe(200);
  expect(await response?.text()).toContain('<div id="root"></div>');
  await expect(page.getByText(/That id is longer than 256 characters/)).toBeVisible();
});

test.describe('signed out, behind nginx', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('nothing reaches the API, and a deep link leads to sign-in instead of its conversation', async ({
    request,
  }) => {
    const marker = uniqueMarker();
    const api = await request.get(`/api/conversation/echo_${marker}`);
    expect(api.status()).toBe(401);
    expect(api.headers()['x-viewer-sign-in']).toBe('required');
    const page = await request.get(`/conversations/echo_${marker}`, { maxRedirects: 0 });
    expect(page.status()).toBe(303);
    expect(page.headers().location).toBe(
      `/auth/login?returnTo=${encodeURIComponent(`/conversations/echo_${marker}`)}`,
    );
    expect((await receivedUpstream()).filter((r) => r.path.includes(marker))).toEqual([]);
  });

  test('sign-in goes through nginx and back to the deep link, drawn, with a cookie scripts cannot read', async ({
    page,
    context,
  }) => {
    const marker = uniqueMarker();
    await page.goto(`/conversations/echo_${marker}`);
    await signInAtProvider(page, `${marker}@acme.test`);
    await expect(page).toHaveURL(`${deployBaseUrl}/conversations/echo_${marker}`);
    await expect(
      page.getByRole('heading', { level: 1, name: `Echo echo_${marker}` }),
    ).toBeVisible();

    const session = (await context.cookies(deployBaseUrl)).find(
      ({ name }) => name === 'viewer_session',
    );
    // Plain http here, so not Secure; on https the server adds it (unit-tested).
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
    expect(await page.evaluate(() => document.cookie)).not.toContain('viewer_session');

    const audit = readFileSync(viewerServerLogPath, 'utf8');
    expect(audit).toContain(`"event":"sign-in","user":"${marker}@acme.test"`);
  });

  test('signing out behind nginx ends the session, at the provider too', async ({ page }) => {
    const marker = uniqueMarker();
    await page.goto('/conversations/conv_live_1');
    await signInAtProvider(page, `${marker}@acme.test`);
    await page.getByRole('button', { name: /^Account: / }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect(page.getByRole('heading', { name: 'You have signed out' })).toBeVisible();
    expect((await page.request.get('/api/conversation/conv_live_1')).status()).toBe(401);
  });

  test('a sign-out from another site and a tampered session are refused', async ({ request }) => {
    const logout = await request.post('/auth/logout', {
      headers: { origin: 'https://evil.test', 'sec-fetch-site': 'cross-site' },
    });
    expect(logout.status()).toBe(403);
    const tampered = await request.get('/api/conversation/conv_live_1', {
      headers: { cookie: 'viewer_session=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z' },
    });
    expect(tampered.status()).toBe(401);
  });
});
