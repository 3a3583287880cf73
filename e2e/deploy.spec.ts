/**
 * The production deployment end to end: the live build served by nginx from
 * deploy/nginx.conf.template (see deploy.config.ts), in front of a stub Chatvolt API.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
  viewerServerCopies,
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

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Sends the request as written (Playwright and fetch would resolve `..` and `%2e` first, and may
 * add headers of their own), as the signed-in agent unless `signedIn` is false. A body given in
 * parts goes chunked, without a Content-Length.
 */
function rawRequest(
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
    signedIn = true,
  }: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | readonly string[];
    signedIn?: boolean;
  } = {},
): Promise<RawAnswer> {
  const sent = {
    ...(signedIn ? { cookie: agentSessionCookie() } : {}),
    ...(typeof body === 'string' ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
    ...headers,
  };
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port: deployPort, method, path, headers: sent };
    const request = httpRequest(options, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
      );
    });
    request.on('error', reject);
    for (const part of typeof body === 'string' ? [body] : (body ?? [])) request.write(part);
    request.end();
  });
}

/** GETs the path as written, as the signed-in agent. */
async function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { status, body } = await rawRequest(path);
  return { status, body };
}

type ViewerServerCopy = (typeof viewerServerCopies)[number];

/** What the copies of the viewer's server have written so far: their output, audit lines among it. */
const viewerServerLogs = (copies: readonly ViewerServerCopy[] = viewerServerCopies) =>
  copies.map(({ logPath }) => readFileSync(logPath, 'utf8')).join('\n');

/** The audit log so far, of every copy or of those given: its JSON lines, oldest first. */
function auditLines(copies?: readonly ViewerServerCopy[]): Record<string, unknown>[] {
  return viewerServerLogs(copies)
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .sort((a, b) => String(a.time).localeCompare(String(b.time)));
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
  // The header's badge (the Actions panel has a "Needs a human" button too).
  await expect(page.getByText('Status: Needs a human')).toBeVisible();

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
    /^\/conversation(\/[^/?]+(\/messages\/\d{1,4})?)?(\?|$)|^\/conversations\/[^/?]+\/(set-status|set-priority|set-ai-enabled|assign|unassign|notes)$|^\/crm\/conversationLog\?conversationId=[\w.-]+(&page=\d+)?(&limit=\d+)?$/;
  expect(received.filter((r) => !allowedShape.test(r.path))).toEqual([]);
  // A write path is reached by POST alone; the notes are read too.
  const readable = (r: (typeof received)[number]) =>
    r.path.endsWith('/notes') && (r.method === 'GET' || r.method === 'HEAD');
  expect(
    received.filter(
      (r) => r.path.startsWith('/conversations/') && r.method !== 'POST' && !readable(r),
    ),
  ).toEqual([]);
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
  const failed = await request.get('/api/conversation/status_500');
  expect(failed.status()).toBe(500);
  expect(await failed.json()).toEqual({ error: 'status 500' });
  expect(failed.headers()['cache-control']).toBe('no-store');

  const started = Date.now();
  const silent = await request.get('/api/conversation/never_answers', { timeout: 40_000 });
  expect(silent.status()).toBe(504);
  expect(await silent.json()).toEqual({ error: 'The API did not answer in time' });
  // The viewer's server's upstream timeout (15 s), not an earlier failure.
  expect(Date.now() - started).toBeGreaterThanOrEqual(14_000);
});

test('/healthz answers 200 without asking the API', async () => {
  // The viewer's server's own answer, through nginx, with no session.
  const health = await rawRequest('/healthz', { signedIn: false });
  expect(health.status).toBe(200);
  expect(health.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
  expect(health.headers['cache-control']).toBe('no-store');
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

  const logs = [readFileSync(accessLogPath, 'utf8'), readFileSync(errorLogPath, 'utf8')]
    .concat(viewerServerLogs())
    .join('\n');
  expect(logs).toContain('viewer server on http://127.0.0.1:');
  // The audit log: one JSON line for the call, what was asked and how it ended.
  const entry = auditLines().find(
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
  // nginx's default: a request goes to another copy only when the first could not take it, and a
  // POST the first got never does (that would take `proxy_next_upstream ... non_idempotent`).
  expect(config).not.toMatch(/^\s*proxy_next_upstream\b/m);
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

test('an agent changes a conversation from its page behind nginx: each write reaches the API rebuilt, audited, and stays', async ({
  page,
}) => {
  const marker = uniqueMarker();
  const id = `act_${marker}`;
  const noteText = `Called the customer back ${marker}`;
  const writeAnswer = (action: string) =>
    page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        new URL(response.url()).pathname === `/api/conversations/${id}/${action}`,
    );

  await page.goto(`/conversations/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Action test ${id}` })).toBeVisible();
  const header = page.locator('header').filter({ has: page.getByRole('heading', { level: 1 }) });
  const actions = page.getByRole('region', { name: 'Actions' });
  const notes = page.getByRole('region', { name: 'Notes' });
  const resolved = actions.getByRole('button', { name: 'Resolved', exact: true });
  const high = actions.getByRole('button', { name: 'High', exact: true });
  const ai = actions.getByRole('switch', { name: 'AI replies' });
  await expect(header.getByText('Status: Needs a human')).toBeVisible();
  await expect(ai).toHaveAttribute('aria-checked', 'true');
  await expect(actions.getByText('Bruna Operadora', { exact: true })).toBeVisible();
  // No notes yet: the panel says so, and offers to add the first.
  const noteField = notes.getByRole('textbox', { name: 'Add a private note' });
  await expect(noteField).toBeVisible();
  await expect(notes.getByText('No notes yet.')).toBeVisible();

  const [status] = await Promise.all([writeAnswer('set-status'), resolved.click()]);
  expect(status.status()).toBe(200);
  await expect(resolved).toHaveAttribute('aria-pressed', 'true');
  await expect(header.getByText('Status: Resolved')).toBeVisible();

  const [priority] = await Promise.all([writeAnswer('set-priority'), high.click()]);
  expect(priority.status()).toBe(200);
  await expect(high).toHaveAttribute('aria-pressed', 'true');
  await expect(header.getByText('High priority')).toBeVisible();

  const [aiOff] = await Promise.all([writeAnswer('set-ai-enabled'), ai.click()]);
  expect(aiOff.status()).toBe(200);
  await expect(ai).toHaveAttribute('aria-checked', 'false');
  await expect(header.getByText('AI off')).toBeVisible();

  // Someone else has it: the API says so (409), and the agent takes it over.
  const [taken] = await Promise.all([
    writeAnswer('assign'),
    actions.getByRole('button', { name: 'Assign to me' }).click(),
  ]);
  expect(taken.status()).toBe(409);
  const alert = actions.getByRole('alert');
  await expect(alert).toContainText('Bruna Operadora already has this conversation.');
  const [assigned] = await Promise.all([
    writeAnswer('assign'),
    alert.getByRole('button', { name: 'Take it over' }).click(),
  ]);
  expect(assigned.status()).toBe(200);
  await expect(actions.getByText('Deploy Agent (you)', { exact: true })).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Assign to me' })).toHaveCount(0);
  await expect(actions.getByRole('alert')).toHaveCount(0);

  await noteField.fill(noteText);
  const [noted] = await Promise.all([
    writeAnswer('notes'),
    notes.getByRole('button', { name: 'Add note' }).click(),
  ]);
  expect(noted.status()).toBe(201);
  await expect(notes.getByRole('listitem').filter({ hasText: noteText })).toContainText(
    'owner@acme.test',
  );

  // Confirmed by the API, not only shown: a reload draws them from it.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Action test ${id}` })).toBeVisible();
  await expect(header.getByText('Status: Resolved')).toBeVisible();
  await expect(header.getByText('High priority')).toBeVisible();
  await expect(header.getByText('AI off')).toBeVisible();
  await expect(resolved).toHaveAttribute('aria-pressed', 'true');
  await expect(high).toHaveAttribute('aria-pressed', 'true');
  await expect(ai).toHaveAttribute('aria-checked', 'false');
  await expect(actions.getByText('Deploy Agent (you)', { exact: true })).toBeVisible();
  const note = notes.getByRole('listitem').filter({ hasText: noteText });
  await expect(note).toContainText('owner@acme.test');
  await expect(note).toContainText('Private');

  // Each write reached the API once, as the viewer's server rebuilt it, with the key alone; the
  // agent is named by the server. The reload wrote nothing.
  const writes = (await receivedUpstream()).filter(
    (r) => r.path.startsWith(`/conversations/${id}/`) && r.method === 'POST',
  );
  const upstream = {
    method: 'POST',
    authorization: `Bearer ${deployApiKey}`,
    cookie: null,
    contentType: 'application/json',
    origin: null,
  };
  expect(
    writes.map(({ body, ...rest }) => ({ ...rest, body: JSON.parse(body ?? 'null') as unknown })),
  ).toEqual([
    { ...upstream, path: `/conversations/${id}/set-status`, body: { status: 'RESOLVED' } },
    { ...upstream, path: `/conversations/${id}/set-priority`, body: { priority: 'HIGH' } },
    { ...upstream, path: `/conversations/${id}/set-ai-enabled`, body: { enabled: false } },
    { ...upstream, path: `/conversations/${id}/assign`, body: { email: deployAgent } },
    { ...upstream, path: `/conversations/${id}/assign`, body: { email: deployAgent, force: true } },
    { ...upstream, path: `/conversations/${id}/notes`, body: { note: noteText, isPrivate: true } },
  ]);

  // Each audited: who, which conversation, what changed (from what the API said just before), and
  // how it ended; never the note itself.
  const audited = (action: string, change: Record<string, unknown>, status: number) =>
    expect.objectContaining({
      event: 'api',
      user: deployAgent,
      method: 'POST',
      path: `/conversations/${id}/${action}`,
      conversationId: id,
      change,
      status,
    });
  const before = ['agent1@example.com'];
  await expect
    .poll(() => auditLines().filter((line) => line.method === 'POST' && line.conversationId === id))
    .toEqual([
      audited('set-status', { field: 'status', from: 'HUMAN_REQUESTED', to: 'RESOLVED' }, 200),
      audited('set-priority', { field: 'priority', from: 'MEDIUM', to: 'HIGH' }, 200),
      audited('set-ai-enabled', { field: 'aiEnabled', from: true, to: false }, 200),
      audited('assign', { field: 'assignee', from: before, to: deployAgent }, 409),
      audited('assign', { field: 'assignee', from: before, to: deployAgent, force: true }, 200),
      audited('notes', { field: 'note', to: 'new private note' }, 201),
    ]);
  expect(viewerServerLogs()).not.toContain(noteText);
});

test('a write from another site, too heavy, not JSON, naming someone, of another method or signed out is refused behind nginx, and never reaches the API', async () => {
  const marker = uniqueMarker();
  const write = (name: string, action = 'set-status') =>
    `/api/conversations/act_${marker}_${name}/${action}`;
  const json = { 'content-type': 'application/json' };
  const ownPage = { ...json, origin: deployBaseUrl, 'sec-fetch-site': 'same-origin' };
  const resolve = '{"status":"RESOLVED"}';
  const post = (
    path: string,
    headers: Record<string, string>,
    body: string | readonly string[] = resolve,
  ) => rawRequest(path, { method: 'POST', headers, body });
  const refusedAs = (answer: RawAnswer) => ({
    status: answer.status,
    body: JSON.parse(answer.body) as unknown,
  });

  // Only the viewer's own pages may write: not another site, nor a request that names no page.
  const fromElsewhere = { error: 'Changes are made from the viewer’s own pages' };
  for (const [name, headers] of [
    ['cross', { ...json, origin: 'https://evil.test', 'sec-fetch-site': 'cross-site' }],
    ['crossnofetch', { ...json, origin: 'https://evil.test' }],
    ['sibling', { ...ownPage, 'sec-fetch-site': 'same-site' }],
    ['otherport', { ...json, origin: `http://127.0.0.1:${deployPort + 1}` }],
    ['noorigin', json],
  ] as const) {
    expect(refusedAs(await post(write(name), headers)), name).toEqual({
      status: 403,
      body: fromElsewhere,
    });
  }

  // More than 1 KB: nginx (client_max_body_size, an HTML page) or the viewer's server refuses it.
  const heavy = JSON.stringify({ note: 'x'.repeat(2048) });
  for (const [name, body] of [
    ['heavy', heavy],
    ['heavychunked', [heavy.slice(0, 1000), heavy.slice(1000)]],
  ] as const) {
    const answer = await post(write(name, 'notes'), ownPage, body);
    expect(answer.status, name).toBe(413);
  }

  // Not a JSON object of the write's own fields: 400. The browser never names whom to assign.
  const badRequest = { error: 'A write must be a JSON object, sent as application/json' };
  expect(refusedAs(await post(write('broken'), ownPage, '{"status":'))).toEqual({
    status: 400,
    body: badRequest,
  });
  expect(
    refusedAs(await post(write('plain'), { ...ownPage, 'content-type': 'text/plain' })),
  ).toEqual({ status: 400, body: badRequest });
  for (const [name, action, body] of [
    ['extra', 'set-status', '{"status":"RESOLVED","organizationId":"org_other"}'],
    ['unknownstatus', 'set-status', '{"status":"DELETED"}'],
    ['named', 'assign', '{"email":"ana.souza@acme.test"}'],
    ['public', 'notes', '{"note":"hello","isPrivate":false}'],
  ] as const) {
    expect(refusedAs(await post(write(name, action), ownPage, body)), name).toEqual({
      status: 400,
      body: { error: `Invalid body for ${action}` },
    });
  }

  // No other method, and no other path.
  const deleted = await rawRequest(`/api/conversation/act_${marker}_delete`, {
    method: 'DELETE',
    headers: ownPage,
  });
  expect([405, 404]).toContain(deleted.status);
  const writeByGet = await rawRequest(write('get'), { headers: ownPage });
  expect({ status: writeByGet.status, allow: writeByGet.headers.allow }).toEqual({
    status: 405,
    allow: 'POST',
  });
  expect(refusedAs(await post(write('unknown', 'delete'), ownPage, '{}'))).toEqual({
    status: 404,
    body: { error: 'Unknown API path' },
  });

  // Signed out: 401, whatever page it claims to come from.
  const signedOut = await rawRequest(write('signedout'), {
    method: 'POST',
    headers: ownPage,
    body: resolve,
    signedIn: false,
  });
  expect(signedOut.status).toBe(401);
  expect(signedOut.headers['x-viewer-sign-in']).toBe('required');

  expect((await receivedUpstream()).filter((r) => r.path.includes(marker))).toEqual([]);
  // The refusals the viewer's server made are audited, with the conversation and no change.
  const refusals = () => auditLines().filter((line) => String(line.path).includes(marker));
  await expect
    .poll(() => refusals().find((line) => line.conversationId === `act_${marker}_cross`))
    .toMatchObject({ event: 'api', user: deployAgent, method: 'POST', status: 403 });
  expect(
    refusals().find((line) => line.conversationId === `act_${marker}_signedout`),
  ).toMatchObject({ user: null, status: 401, refused: 'signed-out' });
  expect(refusals().filter((line) => 'change' in line)).toEqual([]);
});

test('an agent answers the customer behind nginx: sent once and audited with its length, a lost answer found in the transcript, 4,096 characters through nginx and no more, no phone number', async ({
  page,
}) => {
  const marker = uniqueMarker();
  const id = `act_${marker}`;
  const dropped = `act_drop_${marker}`;
  const reply = page.getByRole('textbox', { name: 'Reply to the customer' });
  const messages = page.getByRole('region', { name: 'Messages' });
  const sent = page.getByRole('status').filter({ hasText: 'Sent to the customer.' });

  await page.goto(`/conversations/${id}`);
  await reply.fill('Seu pedido foi reenviado hoje.');
  await page.getByRole('button', { name: 'Send on WhatsApp' }).click();
  await expect(sent).toBeVisible();
  await expect(messages.getByText('Seu pedido foi reenviado hoje.')).toBeVisible();

  // The API takes this one but its answer never comes back: found in the transcript, not resent.
  await page.goto(`/conversations/${dropped}`);
  await reply.fill('Estorno aprovado.');
  await reply.press('Control+Enter');
  await expect(sent).toBeVisible();
  await expect(messages.getByText('Estorno aprovado.')).toHaveCount(1);

  const sends = (await receivedUpstream()).filter(
    (r) => r.method === 'POST' && r.path.startsWith('/conversation/message/'),
  );
  expect(sends.filter((r) => r.path.includes(marker))).toEqual([
    expect.objectContaining({
      path: `/conversation/message/conversationId/${id}`,
      authorization: `Bearer ${deployApiKey}`,
      cookie: null,
      body: '{"message":"Seu pedido foi reenviado hoje."}',
    }),
    expect.objectContaining({
      path: `/conversation/message/conversationId/${dropped}`,
      body: '{"message":"Estorno aprovado."}',
    }),
  ]);
  const sendLines = () =>
    auditLines().filter(
      (line) => line.method === 'POST' && String(line.conversationId).includes(marker),
    );
  await expect.poll(sendLines).toEqual([
    expect.objectContaining({
      event: 'api',
      user: deployAgent,
      path: `/conversation/message/conversationId/${id}`,
      conversationId: id,
      status: 200,
      change: { field: 'message', to: 'message to the customer', length: 30 },
    }),
    expect.objectContaining({ conversationId: dropped, status: 502 }),
  ]);
  expect(viewerServerLogs()).not.toContain('reenviado');

  // The longest message, 4,096 three-byte characters, passes nginx; 33 KB does not.
  const ownPage = {
    'content-type': 'application/json',
    origin: deployBaseUrl,
    'sec-fetch-site': 'same-origin',
  };
  const send = (to: string, body: string) =>
    rawRequest(to, { method: 'POST', headers: ownPage, body });
  const longest = JSON.stringify({ message: 'ç'.repeat(4096) });
  expect((await send(`/api/conversation/message/conversationId/${id}`, longest)).status).toBe(200);
  const tooHeavy = JSON.stringify({ message: 'x'.repeat(33 * 1024) });
  expect(
    (await send(`/api/conversation/message/conversationId/${id}_heavy`, tooHeavy)).status,
  ).toBe(413);
  // Never to a number or an address of the browser's choosing, never with another channel.
  const hello = '{"message":"Olá"}';
  expect((await send(`/api/conversation/message/phone/55119${marker}`, hello)).status).toBe(404);
  expect(
    (
      await send(
        `/api/conversation/message/conversationId/${id}_channel`,
        '{"message":"Olá","channel":"whatsapp"}',
      )
    ).status,
  ).toBe(400);
  const refused = (await receivedUpstream()).filter(
    (r) => r.path.includes(`${id}_`) || r.path.includes(`55119${marker}`),
  );
  expect(refused).toEqual([]);
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

    const audit = viewerServerLogs();
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

test.describe('two copies of the viewer’s server behind nginx', { tag: '@copies' }, () => {
  // The `copies` project runs this last, alone (deploy.config.ts): it holds back and stops both
  // copies. Until then nginx has taken the agents' requests to copies A and B in turn (deploy-nginx.ts).
  const [copyA, copyB] = viewerServerCopies as [ViewerServerCopy, ViewerServerCopy];
  const stopCopy = (copy: ViewerServerCopy) =>
    process.kill(Number(readFileSync(copy.pidPath, 'utf8')), 'SIGTERM');
  /** How a copy exited, once it has (deploy-nginx.ts writes it). */
  const exitOf = (copy: ViewerServerCopy) =>
    existsSync(copy.exitPath) ? (JSON.parse(readFileSync(copy.exitPath, 'utf8')) as unknown) : null;
  // In order: the hold first, while both copies still run.
  test.describe.configure({ mode: 'serial' });

  test('a 429 holds back every call of each copy until its Retry-After, then both ask again', async ({
    request,
  }) => {
    // Alone, since a copy that holds back refuses every agent's call, the other tests' too.
    const limited = await request.get('/api/conversation/status_429');
    expect(limited.status()).toBe(429);
    expect(limited.headers()['retry-after']).toBe('3');
    expect(limited.headers()['cache-control']).toBe('no-store');
    // The API asked to wait: until then the viewer's server asks it nothing, whoever asks, and
    // says until when. Each copy holds back on its own: nginx takes turns, so the other copy meets
    // the API's 429 too.
    expect((await request.get('/api/conversation/status_429')).status()).toBe(429);
    const marker = uniqueMarker();
    let tries = 0;
    const ask = () => request.get(`/api/conversation/echo_${marker}_${(tries += 1)}`);
    // Alone, nginx takes the copies in turn: the next two calls meet both copies holding back.
    const held = [await ask(), await ask()];
    for (const answer of held) {
      expect(answer.status()).toBe(429);
      expect(Number(answer.headers()['retry-after'])).toBeLessThanOrEqual(3);
      expect(await answer.json()).toEqual({
        error: 'The API asked the viewer to wait',
        retryAt: expect.any(String),
      });
    }
    expect((await receivedUpstream()).filter((r) => r.path.includes(marker))).toEqual([]);
    const heldBy = (copy: ViewerServerCopy) =>
      auditLines([copy]).filter((line) => String(line.path).includes(marker));
    for (const copy of [copyA, copyB]) {
      await expect
        .poll(() => heldBy(copy))
        .toEqual([expect.objectContaining({ user: deployAgent, status: 429, heldBack: true })]);
    }
    // Once the time has passed, both copies ask the API again.
    await expect
      .poll(async () => [(await ask()).status(), (await ask()).status()], { timeout: 8_000 })
      .toEqual([200, 200]);
  });

  test('a copy told to stop answers its requests in flight and exits 0; the agent goes on with the other, signed in', async ({
    page,
  }) => {
    const marker = uniqueMarker();
    // A deep link and a read, both waiting on the API (the stub answers `slow_` after 1.5 s).
    const drawn = `slow_${marker}_page`;
    const read = `slow_${marker}_read`;
    const inFlight = [
      rawRequest(`/conversations/${drawn}`),
      rawRequest(`/api/conversation/${read}`),
    ] as const;
    await expect
      .poll(async () => (await receivedUpstream()).filter((r) => r.path.includes(marker)).length)
      .toBe(2);

    stopCopy(copyA);
    const [drawnAnswer, readAnswer] = await Promise.all(inFlight);
    expect(drawnAnswer.status).toBe(200);
    expect(drawnAnswer.body).toContain(`Slow ${drawn}`);
    expect(readAnswer).toMatchObject({
      status: 200,
      body: JSON.stringify({ id: read, title: `Slow ${read}` }),
    });
    await expect.poll(() => exitOf(copyA)).toEqual({ code: 0, signal: null });
    const logOfA = viewerServerLogs([copyA]);
    expect(logOfA).toContain('viewer server: SIGTERM: draining');
    expect(logOfA).toMatch(/viewer server: drained in \d+ ms \(every request finished\), exiting/);
    // nginx took the two in turn: A answered one of them before it went, B the other.
    const answeredBy = (copy: ViewerServerCopy) =>
      auditLines([copy]).filter((line) => String(line.path).includes(marker));
    expect(answeredBy(copyA)).toEqual([
      expect.objectContaining({ user: deployAgent, status: 200 }),
    ]);
    expect([...answeredBy(copyA), ...answeredBy(copyB)].map((line) => line.path).sort()).toEqual([
      `/conversation/${drawn}`,
      `/conversation/${read}`,
    ]);

    // The same session, sealed with the secret both copies share, reads and writes through B.
    const id = `act_${marker}`;
    await page.goto(`/conversations/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Action test ${id}` })).toBeVisible();
    const high = page
      .getByRole('region', { name: 'Actions' })
      .getByRole('button', { name: 'High', exact: true });
    const [priority] = await Promise.all([
      page.waitForResponse(
        (response) =>
          response.request().method() === 'POST' &&
          new URL(response.url()).pathname === `/api/conversations/${id}/set-priority`,
      ),
      high.click(),
    ]);
    expect(priority.status()).toBe(200);
    await expect(high).toHaveAttribute('aria-pressed', 'true');
    await expect
      .poll(() => auditLines([copyB]).filter((line) => String(line.path).includes(id)))
      .toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            user: deployAgent,
            method: 'GET',
            path: `/conversation/${id}`,
            status: 200,
          }),
          expect.objectContaining({
            user: deployAgent,
            method: 'POST',
            path: `/conversations/${id}/set-priority`,
            status: 200,
            change: { field: 'priority', from: 'MEDIUM', to: 'HIGH' },
          }),
        ]),
      );
    // nginx found A gone and passed the request on: A had not got it.
    expect(readFileSync(errorLogPath, 'utf8')).toContain(
      `connect() failed (111: Connection refused) while connecting to upstream`,
    );

    // With no copy left to serve, nginx says so itself.
    stopCopy(copyB);
    await expect.poll(() => exitOf(copyB)).toEqual({ code: 0, signal: null });
    const health = await rawRequest('/healthz', { signedIn: false });
    expect({ status: health.status, body: JSON.parse(health.body) as unknown }).toEqual({
      status: 503,
      body: { status: 'down' },
    });
  });
});
