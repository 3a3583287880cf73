// @vitest-environment node
import { request } from 'node:http';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loopbackServerForTests } from '@/testing/loopback-server';
import { createApiProxy, type ApiProxyOptions } from './api-proxy';
import type { AuditEntry } from './audit-log';
import type { Visitor } from './auth/visitor';

type Middleware = ReturnType<typeof createApiProxy>;

const apiUrl = 'https://upstream.test/v1/';
const apiKey = 'secret-key';

let middleware: Middleware;
/** The audit entries of the proxy under test, newest last. */
let audited: AuditEntry[] = [];
const server = loopbackServerForTests((request, response) => {
  middleware(request, response, () => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('next');
  });
});

/** A proxy in front of a fake upstream, serving the next requests. */
function proxyTo(fetchImpl: typeof fetch, options: Partial<ApiProxyOptions> = {}) {
  const fetchSpy = vi.fn(fetchImpl);
  audited = [];
  middleware = createApiProxy({
    apiUrl,
    apiKey,
    timeoutMs: 1_000,
    fetchImpl: fetchSpy,
    visitor: () => Promise.resolve({ admitted: true, user: 'ana@acme.test' }),
    audit: (entry) => audited.push(entry),
    ...options,
  });
  return fetchSpy;
}

const upstreamAnswers = (body: string, init: ResponseInit = {}) =>
  proxyTo(() => Promise.resolve(new Response(body, init)));

/** The first request the fake upstream received. */
function upstreamRequest(fetchSpy: ReturnType<typeof proxyTo>) {
  const [url, init] = fetchSpy.mock.calls[0] ?? [];
  return { url, headers: new Headers(init?.headers) };
}

describe('api proxy', () => {
  beforeEach(() => {
    middleware = () => {
      throw new Error('no proxy set up for this test');
    };
  });

  it('forwards a conversation GET with the server’s key and none of the browser’s credentials', async () => {
    const fetchSpy = upstreamAnswers('{"id":"abc"}', {
      headers: { 'content-type': 'application/json' },
    });
    const response = await fetch(`${server.url}/api/conversation/abc`, {
      headers: { authorization: 'Bearer from-browser', cookie: 'session=1' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 'abc' });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const { url, headers } = upstreamRequest(fetchSpy);
    expect(url).toBe('https://upstream.test/v1/conversation/abc');
    expect(headers.get('authorization')).toBe('Bearer secret-key');
    expect(headers.get('cookie')).toBeNull();
  });

  it('passes back the upstream status, content type and Retry-After', async () => {
    upstreamAnswers('<html>slow down</html>', {
      status: 429,
      headers: { 'content-type': 'text/html', 'retry-after': '30', 'set-cookie': 'up=1' },
    });
    const response = await fetch(`${server.url}/api/conversation/abc`);
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toBe('<html>slow down</html>');
  });

  it('forwards only the documented list filters and page, once each, and nothing else', async () => {
    const fetchSpy = upstreamAnswers('[]', { headers: { 'content-type': 'application/json' } });
    const cursor = encodeURIComponent(
      JSON.stringify({ lastCreatedAt: '2026-11-25T06:00:00.000Z', lastId: 'conv_gen_0001' }),
    );
    const response = await fetch(
      `${server.url}/api/conversation?cursor=${cursor}&status=RESOLVED&limit=100&priority=HIGH&priority=LOW&apiKey=x&unread=true&tag=vip&frustrationMin=0.6&crmScenarioId=scn_1&crmStepId=stp_2&organizationId=org_x`,
    );
    expect(response.status).toBe(200);
    expect(new URL(upstreamRequest(fetchSpy).url as string).search).toBe(
      `?status=RESOLVED&priority=HIGH&unread=true&tag=vip&frustrationMin=0.6&crmScenarioId=scn_1&crmStepId=stp_2&limit=100&cursor=${cursor}`,
    );
  });

  it('audits every call once it ends, answered or refused, and never the key, cookies or query', async () => {
    upstreamAnswers('{"id":"abc"}', { status: 200 });
    await fetch(`${server.url}/api/conversation/abc?tag=vip`, {
      headers: { cookie: 'session=from-the-browser', authorization: 'Bearer from-the-browser' },
    });
    await fetch(`${server.url}/api/organization/x`);
    await fetch(`${server.url}/api/conversation/abc`, { method: 'DELETE' });
    await vi.waitFor(() => expect(audited).toHaveLength(3));
    expect(audited).toEqual([
      {
        event: 'api',
        user: 'ana@acme.test',
        method: 'GET',
        path: '/conversation/abc',
        status: 200,
        durationMs: expect.any(Number) as number,
      },
      {
        event: 'api',
        user: 'ana@acme.test',
        method: 'GET',
        path: '/organization/x',
        status: 404,
        durationMs: expect.any(Number) as number,
      },
      {
        event: 'api',
        user: 'ana@acme.test',
        method: 'DELETE',
        path: '/conversation/abc',
        status: 405,
        durationMs: expect.any(Number) as number,
      },
    ]);
    const written = JSON.stringify(audited);
    for (const secret of [apiKey, 'from-the-browser', 'vip']) expect(written).not.toContain(secret);
  });

  it('names the conversation whose CRM history was read, which its path leaves to the query', async () => {
    upstreamAnswers('{"data":[]}');
    await fetch(`${server.url}/api/crm/conversationLog?conversationId=conv_7&page=2`);
    await fetch(`${server.url}/api/crm/conversationLog?conversationId=${'<b>'.repeat(3)}`);
    await vi.waitFor(() => expect(audited).toHaveLength(2));
    expect(audited[0]).toMatchObject({ path: '/crm/conversationLog', conversationId: 'conv_7' });
    // A value the proxy refuses is not written either.
    expect(audited[1]).toMatchObject({ status: 400 });
    expect(audited[1]).not.toHaveProperty('conversationId');
  });

  it('answers 401 to a caller who is not signed in, and the API never hears of it', async () => {
    const fetchSpy = proxyTo(() => Promise.resolve(new Response('{"id":"abc"}')), {
      visitor: () => Promise.resolve({ admitted: false, user: null, refusal: 'session-expired' }),
    });
    const response = await fetch(`${server.url}/api/conversation/abc`);
    expect(response.status).toBe(401);
    expect(response.headers.get('x-viewer-sign-in')).toBe('required');
    expect(await response.json()).toEqual({ error: 'Sign in to read conversations' });
    expect(fetchSpy).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(audited).toHaveLength(1));
    expect(audited[0]).toMatchObject({ user: null, status: 401, refused: 'session-expired' });
  });

  it('answers 403 to a signed-in account outside the allowed list, naming it in the log', async () => {
    const fetchSpy = proxyTo(() => Promise.resolve(new Response('{"id":"abc"}')), {
      visitor: () =>
        Promise.resolve({
          admitted: false,
          user: 'bob@other.test',
          refusal: 'account-not-allowed',
        }),
    });
    const response = await fetch(`${server.url}/api/conversation?status=UNRESOLVED`);
    expect(response.status).toBe(403);
    expect(response.headers.get('x-viewer-sign-in')).toBe('account-not-allowed');
    expect(fetchSpy).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(audited).toHaveLength(1));
    expect(audited[0]).toMatchObject({
      user: 'bob@other.test',
      path: '/conversation',
      status: 403,
      refused: 'account-not-allowed',
    });
  });

  it('drops list filters sent empty, as nginx does', async () => {
    const fetchSpy = upstreamAnswers('[]');
    await fetch(`${server.url}/api/conversation?status=&tag=&priority=HIGH&limit=`);
    expect(new URL(upstreamRequest(fetchSpy).url as string).search).toBe('?priority=HIGH');
  });

  it.each([
    '?limit=0',
    '?limit=101',
    '?limit=5000',
    '?limit=ten',
    '?cursor=x',
    `?cursor=${encodeURIComponent('{"lastCreatedAt":"2026-11-25T06:00:00Z"}')}`,
    `?cursor=${encodeURIComponent('{"lastCreatedAt":"2026-11-25T06:00:00Z","lastId":"a","x":1}')}`,
    `?cursor=${encodeURIComponent(`{"lastCreatedAt":"2026-11-25T06:00:00Z","lastId":"${'a'.repeat(129)}"}`)}`,
    `?cursor=${encodeURIComponent('{"lastCreatedAt":"2026-11-25T06:00:00Z","lastId":"a&organizationId=x"}')}`,
  ])('refuses the list query “%s” with 400 without calling the API', async (query) => {
    const fetchSpy = upstreamAnswers('[]');
    const response = await fetch(`${server.url}/api/conversation${query}`);
    expect(response.status).toBe(400);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('forwards the CRM history’s conversation, page and limit, once each, and nothing else', async () => {
    const fetchSpy = upstreamAnswers('{"data":[]}');
    const response = await fetch(
      `${server.url}/api/crm/conversationLog?limit=100&status=error&conversationId=conv_a-1.b&page=2&conversationId=other&stepId=x`,
    );
    expect(response.status).toBe(200);
    expect(upstreamRequest(fetchSpy).url).toBe(
      'https://upstream.test/v1/crm/conversationLog?conversationId=conv_a-1.b&page=2&limit=100',
    );
  });

  it('forwards the CRM history with only its conversation, page and limit left to the API', async () => {
    const fetchSpy = upstreamAnswers('{"data":[]}');
    await fetch(`${server.url}/api/crm/conversationLog?conversationId=abc&page=&limit=`);
    expect(upstreamRequest(fetchSpy).url).toBe(
      'https://upstream.test/v1/crm/conversationLog?conversationId=abc',
    );
  });

  it.each([
    '',
    '?page=1',
    '?conversationId=',
    `?conversationId=${'a'.repeat(129)}`,
    '?conversationId=a%2Fb',
    '?conversationId=a%26organizationId%3Dx',
    '?conversationId=a:b',
    '?conversationId=abc&page=0',
    '?conversationId=abc&page=12345',
    '?conversationId=abc&page=-1',
    '?conversationId=abc&page=1.5',
    '?conversationId=abc&limit=0',
    '?conversationId=abc&limit=101',
    '?conversationId=abc&limit=010',
    '?conversationId=abc&limit=ten',
  ])('refuses the CRM history query “%s” with 400 without calling the API', async (query) => {
    const fetchSpy = upstreamAnswers('{}');
    const response = await fetch(`${server.url}/api/crm/conversationLog${query}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'Invalid query parameters' });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('drops any query string on a single conversation', async () => {
    const fetchSpy = upstreamAnswers('{}');
    await fetch(`${server.url}/api/conversation/abc?status=RESOLVED&x=1`);
    expect(upstreamRequest(fetchSpy).url).toBe('https://upstream.test/v1/conversation/abc');
  });

  it.each(['/api/conversation/abc', '/api/crm/conversationLog?conversationId=abc'])(
    'refuses a POST to %s without calling the API',
    async (path) => {
      const fetchSpy = upstreamAnswers('{}');
      const response = await fetch(`${server.url}${path}`, { method: 'POST' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
      expect(fetchSpy).not.toHaveBeenCalled();
    },
  );

  it('forwards a conversation’s latest messages with their count, and no query string', async () => {
    const fetchSpy = upstreamAnswers('{"messages":[]}');
    const response = await fetch(`${server.url}/api/conversation/a%2Fb/messages/50?count=9`);
    expect(response.status).toBe(200);
    expect(upstreamRequest(fetchSpy).url).toBe(
      'https://upstream.test/v1/conversation/a%2Fb/messages/50',
    );
  });

  it.each([
    '/api/other',
    '/api/conversation/',
    '/api/conversation/abc/messages',
    '/api/conversation/abc/messages/',
    '/api/conversation/abc/messages/12345',
    '/api/conversation/abc/messages/-1',
    '/api/conversation/abc/messages/5/extra',
    '/api/conversation/abc/other/5',
    '/api/crm',
    '/api/crm/conversationLog/log_1',
    '/api/crm/conversationlog?conversationId=abc',
    '/api/crm/scenario',
  ])('answers 404 for %s without calling the API', async (path) => {
    const fetchSpy = upstreamAnswers('{}');
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(404);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it.each([
    '/api/conversation/%2E%2E',
    '/api/conversation/.',
    '/api/conversation/%2e',
    '/api/conversation/%E0%A4%A',
    '/api/conversation/../messages/5',
    '/api/conversation/%2e%2e/messages/5',
    // Resolved, these would be allowed paths: refused as sent, never read as another path.
    '/api/./conversation/abc',
    '/api/crm/../conversation/abc',
  ])('answers 404 for the dot or broken segment in %s without calling the API', async (path) => {
    const fetchSpy = upstreamAnswers('{}');
    // node:http sends the path as written; fetch would resolve the dots before sending.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      request({ hostname, port, path }, (response) => {
        response.resume();
        resolve(response.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(404);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('answers 401 without calling the API when the server has no key', async () => {
    const fetchSpy = proxyTo(() => Promise.resolve(new Response('{}')), { apiKey: undefined });
    const response = await fetch(`${server.url}/api/conversation/abc`);
    expect(response.status).toBe(401);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('answers 504 when the API does not answer in time', async () => {
    const fetchSpy = proxyTo(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
      { timeoutMs: 50 },
    );
    const response = await fetch(`${server.url}/api/conversation/abc`);
    expect(response.status).toBe(504);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('answers 502 when the API cannot be reached', async () => {
    proxyTo(() => Promise.reject(new TypeError('fetch failed')));
    const response = await fetch(`${server.url}/api/conversation/abc`);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: expect.any(String) as string });
  });

  it('hands requests outside /api to the next middleware', async () => {
    const fetchSpy = upstreamAnswers('{}');
    const response = await fetch(`${server.url}/conversations/abc`);
    expect(await response.text()).toBe('next');
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

/** The conversation the fake upstream shows the proxy's look before a write. */
const conversationBefore = {
  id: 'conv_1',
  status: 'UNRESOLVED',
  priority: 'LOW',
  isAiEnabled: true,
  assignees: [{ id: 'm_1', user: { email: 'bob@acme.test', name: 'Bob' } }],
};

/**
 * A proxy in front of a fake upstream that answers the look at the conversation (a GET) with
 * `conversation`, or fails it with 503 when null, and the write (a POST) with `answer`. Like
 * fetch, it refuses a call whose signal has already been aborted.
 */
function upstreamTakesWrites(
  answer: { status?: number; body?: string } = {},
  {
    conversation = conversationBefore,
    ...options
  }: Partial<ApiProxyOptions> & { conversation?: object | null } = {},
) {
  return proxyTo((_url, init) => {
    if (init?.signal?.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
    if (init?.method === 'POST') {
      return Promise.resolve(
        new Response(answer.body ?? '{"ok":true}', {
          status: answer.status ?? 200,
          headers: { 'content-type': 'application/json' },
        }),
      );
    }
    return Promise.resolve(
      conversation ? Response.json(conversation) : new Response('{}', { status: 503 }),
    );
  }, options);
}

/** Every request the fake upstream received, in order. */
function upstreamCalls(fetchSpy: ReturnType<typeof proxyTo>) {
  return fetchSpy.mock.calls.map(([url, init]) => ({
    url: url as string,
    method: init?.method ?? 'GET',
    headers: new Headers(init?.headers),
    body: init?.body,
    signal: init?.signal,
  }));
}

/** The writes the fake upstream received. */
const upstreamWrites = (fetchSpy: ReturnType<typeof proxyTo>) =>
  upstreamCalls(fetchSpy).filter(({ method }) => method === 'POST');

/**
 * A write to `/api/conversations/{path}` as the viewer's own page sends it: from its origin, as
 * JSON. `headers` adds to those, or takes one away with null.
 */
function postWrite(path: string, body: unknown, headers: Record<string, string | null> = {}) {
  return postApi(`conversations/${path}`, body, headers);
}

/** A POST to `/api/<apiPath>` from the viewer's own page, unless `headers` say otherwise. */
function postApi(apiPath: string, body: unknown, headers: Record<string, string | null> = {}) {
  const sent: Record<string, string> = {};
  const all = { origin: server.url, 'content-type': 'application/json', ...headers };
  for (const [name, value] of Object.entries(all)) if (value !== null) sent[name] = value;
  return fetch(`${server.url}/api/${apiPath}`, {
    method: 'POST',
    headers: sent,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * A request sent with exactly these headers, Host included (fetch adds its own and may not set
 * Host), its body in these chunks (chunked when there is no Content-Length); its status.
 */
function sendRaw(
  method: string,
  path: string,
  headers: Record<string, string>,
  chunks: string[] = [],
) {
  return new Promise<number | undefined>((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    const outgoing = request({ hostname, port, path, method, headers }, (response) => {
      response.resume();
      resolve(response.statusCode);
    }).on('error', reject);
    for (const chunk of chunks) outgoing.write(chunk);
    outgoing.end();
  });
}

describe('writes', () => {
  beforeEach(() => {
    middleware = () => {
      throw new Error('no proxy set up for this test');
    };
  });

  it.each([
    ['set-status', { status: 'RESOLVED' }, { status: 'RESOLVED' }],
    ['set-priority', { priority: 'HIGH' }, { priority: 'HIGH' }],
    ['set-ai-enabled', { enabled: false }, { enabled: false }],
    ['assign', {}, { email: 'ana@acme.test' }],
    ['assign', { force: true }, { email: 'ana@acme.test', force: true }],
    [
      'notes',
      { note: 'Called back, all fine' },
      { note: 'Called back, all fine', isPrivate: true },
    ],
  ])(
    'forwards %s %j rebuilt, with the server’s key and none of the browser’s credentials',
    async (action, sent, rebuilt) => {
      const fetchSpy = upstreamTakesWrites();
      const response = await postWrite(`conv_1/${action}`, sent, {
        authorization: 'Bearer from-browser',
        cookie: 'session=1',
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
      const writes = upstreamWrites(fetchSpy);
      expect(writes).toHaveLength(1);
      const [write] = writes;
      expect(write!.url).toBe(`https://upstream.test/v1/conversations/conv_1/${action}`);
      expect(JSON.parse(write!.body as string)).toEqual(rebuilt);
      expect(write!.headers.get('content-type')).toBe('application/json');
      expect(write!.headers.get('authorization')).toBe('Bearer secret-key');
      expect(write!.headers.get('cookie')).toBeNull();
    },
  );

  it('unassigns with no body and no content type upstream', async () => {
    const fetchSpy = upstreamTakesWrites();
    const response = await postWrite('conv_1/unassign', {});
    expect(response.status).toBe(200);
    const [write] = upstreamWrites(fetchSpy);
    expect(write!.url).toBe('https://upstream.test/v1/conversations/conv_1/unassign');
    expect(write!.body).toBeUndefined();
    expect(write!.headers.get('content-type')).toBeNull();
    expect(write!.headers.get('authorization')).toBe('Bearer secret-key');
  });

  it('looks at the conversation with the server’s key just before changing it, but not before a note', async () => {
    const fetchSpy = upstreamTakesWrites();
    await postWrite('conv_1/set-priority', { priority: 'HIGH' });
    expect(upstreamCalls(fetchSpy).map(({ method, url }) => `${method} ${url}`)).toEqual([
      'GET https://upstream.test/v1/conversation/conv_1',
      'POST https://upstream.test/v1/conversations/conv_1/set-priority',
    ]);
    const [look] = upstreamCalls(fetchSpy);
    expect(look!.headers.get('authorization')).toBe('Bearer secret-key');
    expect(look!.body).toBeUndefined();

    const notesSpy = upstreamTakesWrites();
    await postWrite('conv_1/notes', { note: 'hi' });
    expect(upstreamCalls(notesSpy).map(({ method }) => method)).toEqual(['POST']);
  });

  it('keeps an escaped conversation id escaped, upstream and in the look before', async () => {
    const fetchSpy = upstreamTakesWrites();
    await postWrite('a%2Fb/set-status', { status: 'RESOLVED' });
    expect(upstreamCalls(fetchSpy).map(({ url }) => url)).toEqual([
      'https://upstream.test/v1/conversation/a%2Fb',
      'https://upstream.test/v1/conversations/a%2Fb/set-status',
    ]);
    await vi.waitFor(() => expect(audited).toHaveLength(1));
    expect(audited[0]).toMatchObject({ conversationId: 'a/b' });
  });

  it.each([
    [409, '{"error":"Assigned to someone else"}', 'assign', {}],
    [201, '{"id":"note_1"}', 'notes', { note: 'hi' }],
    [422, '{"error":"Unknown status"}', 'set-status', { status: 'RESOLVED' }],
  ])('passes back the API’s %i and its body', async (status, body, action, sent) => {
    upstreamTakesWrites({ status, body });
    const response = await postWrite(`conv_1/${action}`, sent);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe(body);
  });

  it('refuses a write from another site with 403, says why in the log, and the API never hears of it', async () => {
    const fetchSpy = upstreamTakesWrites();
    const response = await postWrite(
      'conv_1/set-status',
      { status: 'RESOLVED' },
      {
        origin: 'https://evil.test',
      },
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: expect.any(String) as string });
    expect(fetchSpy).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(audited).toHaveLength(1));
    expect(audited[0]).toMatchObject({
      method: 'POST',
      path: '/conversations/conv_1/set-status',
      conversationId: 'conv_1',
      status: 403,
      refused: 'not-from-viewer-page',
    });
    expect(audited[0]).not.toHaveProperty('change');
  });

  it.each([
    ['no Origin', { origin: null }],
    ['the null origin', { origin: 'null' }],
    ['the viewer’s host on another port', { origin: 'http://127.0.0.1' }],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }],
    ['Sec-Fetch-Site none', { 'sec-fetch-site': 'none' }],
  ])('refuses a write with %s with 403 without calling the API', async (_, headers) => {
    const fetchSpy = upstreamTakesWrites();
    const response = await postWrite('conv_1/notes', { note: 'hi' }, headers);
    expect(response.status).toBe(403);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('refuses a write with no Origin at all, sent exactly so, with 403', async () => {
    const fetchSpy = upstreamTakesWrites();
    const { host } = new URL(server.url);
    const status = await sendRaw(
      'POST',
      '/api/conversations/conv_1/set-status',
      { host, 'content-type': 'application/json' },
      ['{"status":"RESOLVED"}'],
    );
    expect(status).toBe(403);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('takes a write whose browser says Sec-Fetch-Site same-origin', async () => {
    const fetchSpy = upstreamTakesWrites();
    const response = await postWrite(
      'conv_1/set-status',
      { status: 'RESOLVED' },
      {
        'sec-fetch-site': 'same-origin',
      },
    );
    expect(response.status).toBe(200);
    expect(upstreamWrites(fetchSpy)).toHaveLength(1);
  });

  it('takes writes from VIEWER_PUBLIC_URL’s origin alone once it is set, not the request’s own', async () => {
    const publicOrigin = 'https://viewer.example.com';
    const fetchSpy = upstreamTakesWrites({}, { publicOrigin });
    const fromPublic = await postWrite(
      'conv_1/set-status',
      { status: 'RESOLVED' },
      {
        origin: publicOrigin,
      },
    );
    expect(fromPublic.status).toBe(200);
    const fromHost = await postWrite('conv_1/set-status', { status: 'RESOLVED' });
    expect(fromHost.status).toBe(403);
    expect(upstreamWrites(fetchSpy)).toHaveLength(1);
  });

  it('takes the Host’s origin on https when the proxy in front says so with X-Forwarded-Proto', async () => {
    const fetchSpy = upstreamTakesWrites();
    const https = server.url.replace(/^http:/, 'https:');
    const onHttps = await postWrite(
      'conv_1/set-status',
      { status: 'RESOLVED' },
      {
        origin: https,
        'x-forwarded-proto': 'https',
      },
    );
    expect(onHttps.status).toBe(200);
    const onHttp = await postWrite(
      'conv_1/set-status',
      { status: 'RESOLVED' },
      {
        'x-forwarded-proto': 'https',
      },
    );
    expect(onHttp.status).toBe(403);
    expect(upstreamWrites(fetchSpy)).toHaveLength(1);
  });

  it('takes the origin of the Host the browser reached, whatever the server listens on', async () => {
    const fetchSpy = upstreamTakesWrites();
    const headers = {
      host: 'viewer.test:8080',
      origin: 'http://viewer.test:8080',
      'content-type': 'application/json',
    };
    const path = '/api/conversations/conv_1/set-status';
    expect(await sendRaw('POST', path, headers, ['{"status":"RESOLVED"}'])).toBe(200);
    expect(
      await sendRaw('POST', path, { ...headers, origin: server.url }, ['{"status":"RESOLVED"}']),
    ).toBe(403);
    expect(upstreamWrites(fetchSpy)).toHaveLength(1);
  });

  it('refuses a body over 1 KB with 413 without calling the API', async () => {
    const fetchSpy = upstreamTakesWrites();
    const response = await postWrite('conv_1/notes', { note: 'n'.repeat(2048) });
    expect(response.status).toBe(413);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('refuses a body over 1 KB sent in chunks without a length with 413', async () => {
    const fetchSpy = upstreamTakesWrites();
    const { host } = new URL(server.url);
    const status = await sendRaw(
      'POST',
      '/api/conversations/conv_1/notes',
      { host, origin: server.url, 'content-type': 'application/json' },
      ['{"note":"', 'n'.repeat(1024), 'n'.repeat(1024), '"}'],
    );
    expect(status).toBe(413);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('takes a body of exactly 1 KB and refuses one byte more', async () => {
    const fetchSpy = upstreamTakesWrites();
    const body = '{"note":"hi"}';
    const exactly = await postWrite('conv_1/notes', body.padEnd(1024, ' '));
    expect(exactly.status).toBe(200);
    const over = await postWrite('conv_1/notes', body.padEnd(1025, ' '));
    expect(over.status).toBe(413);
    expect(upstreamWrites(fetchSpy)).toHaveLength(1);
  });

  it.each([
    ['a body that is not JSON', 'status=RESOLVED', {}],
    ['an empty body', '', {}],
    ['JSON sent as text/plain', '{"status":"RESOLVED"}', { 'content-type': 'text/plain' }],
    [
      'JSON sent as a form',
      '{"status":"RESOLVED"}',
      { 'content-type': 'application/x-www-form-urlencoded' },
    ],
    [
      'JSON sent as another JSON type',
      '{"status":"RESOLVED"}',
      { 'content-type': 'application/jsonx' },
    ],
    ['no content type', '{"status":"RESOLVED"}', { 'content-type': null }],
  ])('refuses %s with 400 without calling the API', async (_, body, headers) => {
    const fetchSpy = upstreamTakesWrites();
    const response = await postWrite('conv_1/set-status', body, headers);
    expect(response.status).toBe(400);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('takes JSON with a charset', async () => {
    const fetchSpy = upstreamTakesWrites();
    const response = await postWrite(
      'conv_1/set-status',
      { status: 'RESOLVED' },
      {
        'content-type': 'application/json; charset=utf-8',
      },
    );
    expect(response.status).toBe(200);
    expect(upstreamWrites(fetchSpy)).toHaveLength(1);
  });

  it.each([
    ['assign', { email: 'boss@acme.test' }],
    ['assign', { force: 'yes' }],
    ['unassign', { email: 'bob@acme.test' }],
    ['set-status', { status: 'RESOLVED', organizationId: 'org_x' }],
    ['set-status', { status: 'CLOSED' }],
    ['set-priority', { priority: 'high' }],
    ['set-ai-enabled', { enabled: 'false' }],
    ['notes', { note: 'hi', isPrivate: false }],
    ['notes', { note: '   ' }],
    ['notes', { note: 'n'.repeat(501) }],
    ['notes', ['hi']],
  ])('refuses %s with %j with 400 without calling the API', async (action, body) => {
    const fetchSpy = upstreamTakesWrites();
    const response = await postWrite(`conv_1/${action}`, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: `Invalid body for ${action}` });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('answers 401 to a write from a visitor who is not signed in, and the API never hears of it', async () => {
    const fetchSpy = upstreamTakesWrites(
      {},
      { visitor: () => Promise.resolve({ admitted: false, user: null, refusal: 'signed-out' }) },
    );
    const response = await postWrite('conv_1/set-status', { status: 'RESOLVED' });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-viewer-sign-in')).toBe('required');
    expect(fetchSpy).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(audited).toHaveLength(1));
    expect(audited[0]).toMatchObject({ user: null, status: 401, refused: 'signed-out' });
  });

  it('answers 403 to a write from an account outside the allowed list', async () => {
    const fetchSpy = upstreamTakesWrites(
      {},
      {
        visitor: () =>
          Promise.resolve({
            admitted: false,
            user: 'bob@other.test',
            refusal: 'account-not-allowed',
          }),
      },
    );
    const response = await postWrite('conv_1/notes', { note: 'hi' });
    expect(response.status).toBe(403);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('takes writes with sign-in off, but no assignment, which would name nobody', async () => {
    const fetchSpy = upstreamTakesWrites(
      {},
      { visitor: () => Promise.resolve({ admitted: true, user: null }) },
    );
    const status = await postWrite('conv_1/set-status', { status: 'RESOLVED' });
    expect(status.status).toBe(200);
    const assign = await postWrite('conv_1/assign', {});
    expect(assign.status).toBe(403);
    expect(upstreamCalls(fetchSpy).map(({ method, url }) => `${method} ${url}`)).toEqual([
      'GET https://upstream.test/v1/conversation/conv_1',
      'POST https://upstream.test/v1/conversations/conv_1/set-status',
    ]);
    await vi.waitFor(() => expect(audited).toHaveLength(2));
    expect(audited).toMatchObject([
      { user: null, status: 200 },
      { user: null, status: 403 },
    ]);
  });

  it('answers 401 to a write without calling the API when the server has no key', async () => {
    const fetchSpy = upstreamTakesWrites({}, { apiKey: undefined });
    const response = await postWrite('conv_1/set-status', { status: 'RESOLVED' });
    expect(response.status).toBe(401);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it.each([
    ['GET', 'set-status', 'POST'],
    ['HEAD', 'assign', 'POST'],
    ['PUT', 'set-priority', 'POST'],
    ['DELETE', 'unassign', 'POST'],
    ['PATCH', 'notes', 'GET, HEAD, POST'],
    ['DELETE', 'notes', 'GET, HEAD, POST'],
  ])(
    'answers %s on %s with 405, allowing %s, without calling the API',
    async (method, action, allow) => {
      const fetchSpy = upstreamTakesWrites();
      const response = await fetch(`${server.url}/api/conversations/conv_1/${action}`, {
        method,
        headers: { origin: server.url },
      });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe(allow);
      expect(fetchSpy).not.toHaveBeenCalled();
    },
  );

  it.each(['DELETE', 'POST', 'PUT', 'PATCH'])(
    'never forwards %s on a conversation itself, even from the viewer’s pages',
    async (method) => {
      const fetchSpy = upstreamTakesWrites();
      const response = await fetch(`${server.url}/api/conversation/conv_1`, {
        method,
        headers: { origin: server.url, 'content-type': 'application/json' },
        body: '{"status":"RESOLVED"}',
      });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
      expect(fetchSpy).not.toHaveBeenCalled();
    },
  );

  it.each([
    '/api/conversations/conv_1/delete',
    '/api/conversations/conv_1/send-message',
    '/api/conversations/conv_1/Set-Status',
    '/api/conversations/conv_1/constructor',
    '/api/conversations/conv_1/set-status/extra',
    '/api/conversations/conv_1',
    '/api/conversations/conv_1/',
    '/api/conversations',
    '/api/conversation/conv_1/messages/5',
  ])('answers 404 or 405 to a POST to %s without calling the API', async (path) => {
    const fetchSpy = upstreamTakesWrites();
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/json' },
      body: '{"message":"hi"}',
    });
    expect([404, 405]).toContain(response.status);
    if (response.status === 405) expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it.each([
    '/api/conversations/conv_1/delete',
    '/api/conversations/conv_1/constructor',
    // The send's other forms: a signed-in agent must not message any phone number or address.
    '/api/conversation/message/phone/5511988887777',
    '/api/conversation/message/email/someone@example.com',
    '/api/conversation/message/conversationId/conv_1/extra',
    '/api/conversations/conv_1/message',
  ])('answers 404 to a POST to the unknown %s', async (path) => {
    const fetchSpy = upstreamTakesWrites();
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(404);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('forwards a GET of a conversation’s notes with the server’s key, from anywhere', async () => {
    const fetchSpy = upstreamAnswers('[{"id":"note_1"}]', {
      headers: { 'content-type': 'application/json' },
    });
    const response = await fetch(`${server.url}/api/conversations/conv_1/notes?all=1`, {
      headers: { cookie: 'session=1' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([{ id: 'note_1' }]);
    const [call] = upstreamCalls(fetchSpy);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(call).toMatchObject({
      url: 'https://upstream.test/v1/conversations/conv_1/notes',
      method: 'GET',
      body: undefined,
    });
    expect(call!.headers.get('authorization')).toBe('Bearer secret-key');
    expect(call!.headers.get('cookie')).toBeNull();
  });

  it('audits a status change with the status before, as the API showed it just before', async () => {
    upstreamTakesWrites();
    await postWrite('conv_1/set-status', { status: 'RESOLVED' });
    await vi.waitFor(() => expect(audited).toHaveLength(1));
    expect(audited[0]).toEqual({
      event: 'api',
      user: 'ana@acme.test',
      method: 'POST',
      path: '/conversations/conv_1/set-status',
      conversationId: 'conv_1',
      change: { field: 'status', from: 'UNRESOLVED', to: 'RESOLVED' },
      status: 200,
      durationMs: expect.any(Number) as number,
    });
  });

  it.each([
    ['set-priority', { priority: 'HIGH' }, { field: 'priority', from: 'LOW', to: 'HIGH' }],
    ['set-ai-enabled', { enabled: false }, { field: 'aiEnabled', from: true, to: false }],
    ['assign', {}, { field: 'assignee', from: ['bob@acme.test'], to: 'ana@acme.test' }],
    [
      'assign',
      { force: true },
      { field: 'assignee', from: ['bob@acme.test'], to: 'ana@acme.test', force: true },
    ],
    ['unassign', {}, { field: 'assignee', from: ['bob@acme.test'], to: null }],
  ])('audits %s %j with what it changed', async (action, sent, change) => {
    upstreamTakesWrites();
    await postWrite(`conv_1/${action}`, sent);
    await vi.waitFor(() => expect(audited).toHaveLength(1));
    expect(audited[0]).toMatchObject({ conversationId: 'conv_1', status: 200 });
    expect(audited[0]).toHaveProperty('change', change);
  });

  it('audits the API’s own status for a write it refused', async () => {
    upstreamTakesWrites({ status: 409, body: '{"error":"Assigned to someone else"}' });
    await postWrite('conv_1/assign', {});
    await vi.waitFor(() => expect(audited).toHaveLength(1));
    expect(audited[0]).toMatchObject({
      status: 409,
      change: { field: 'assignee', to: 'ana@acme.test' },
    });
  });

  it('still makes the change when the look before fails, leaving the value before out of the log', async () => {
    const fetchSpy = upstreamTakesWrites({}, { conversation: null });
    const response = await postWrite('conv_1/set-status', { status: 'RESOLVED' });
    expect(response.status).toBe(200);
    expect(upstreamWrites(fetchSpy)).toHaveLength(1);
    await vi.waitFor(() => expect(audited).toHaveLength(1));
    expect(audited[0]).toHaveProperty('change', { field: 'status', to: 'RESOLVED' });
  });

  it('still makes the change when the look before cannot reach the API at all', async () => {
    const fetchSpy = proxyTo((_url, init) =>
      init?.method === 'POST'
        ? Promise.resolve(new Response('{"ok":true}'))
        : Promise.reject(new TypeError('fetch failed')),
    );
    const response = await postWrite('conv_1/unassign', {});
    expect(response.status).toBe(200);
    expect(upstreamWrites(fetchSpy)).toHaveLength(1);
    await vi.waitFor(() => expect(audited).toHaveLength(1));
    expect(audited[0]).toHaveProperty('change', { field: 'assignee', to: null });
  });

  it('leaves the value before out of the log when the look before answers something else', async () => {
    upstreamTakesWrites({}, { conversation: { id: 'conv_1' } });
    await postWrite('conv_1/set-priority', { priority: 'HIGH' });
    await vi.waitFor(() => expect(audited).toHaveLength(1));
    expect(audited[0]).toHaveProperty('change', { field: 'priority', to: 'HIGH' });
  });

  it('audits that a private note was added, never what it says', async () => {
    upstreamTakesWrites({ status: 201, body: '{"id":"note_1","note":"Card ends in 4242"}' });
    await postWrite('conv_1/notes', { note: 'Card ends in 4242' });
    await vi.waitFor(() => expect(audited).toHaveLength(1));
    expect(audited[0]).toMatchObject({
      conversationId: 'conv_1',
      status: 201,
      change: { field: 'note', to: 'new private note' },
    });
    expect(JSON.stringify(audited)).not.toContain('4242');
  });

  it('answers 504 and sends no write when the look before takes too long', async () => {
    const fetchSpy = proxyTo(
      (_url, init) =>
        init?.signal?.aborted
          ? Promise.reject(new DOMException('aborted', 'AbortError'))
          : init?.method === 'POST'
            ? Promise.resolve(new Response('{"ok":true}'))
            : new Promise((_resolve, reject) => {
                init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
              }),
      { timeoutMs: 50 },
    );
    const response = await postWrite('conv_1/set-status', { status: 'RESOLVED' });
    expect(response.status).toBe(504);
    // Any write asked after the time-out carries an aborted signal: fetch never sends it.
    for (const { signal } of upstreamWrites(fetchSpy)) expect(signal?.aborted).toBe(true);
  });
});

describe('the message to the customer', () => {
  const sendPath = 'conversation/message/conversationId/conv_1';

  it('forwards the text alone, trimmed, to the same path with the server’s key, and looks at nothing first', async () => {
    const fetchSpy = upstreamTakesWrites();
    const response = await postApi(sendPath, { message: '  Olá, Lívia!\nJá verifiquei.\n\n ' });
    expect(response.status).toBe(200);
    const calls = upstreamCalls(fetchSpy);
    expect(calls.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'POST https://upstream.test/v1/conversation/message/conversationId/conv_1',
    ]);
    expect(JSON.parse(calls[0]!.body as string)).toEqual({
      message: 'Olá, Lívia!\nJá verifiquei.',
    });
    expect(calls[0]!.headers.get('authorization')).toBe('Bearer secret-key');
  });

  it.each([
    ['another agent', { message: 'hi', agentId: 'agent_2' }],
    ['another channel', { message: 'hi', channel: 'whatsapp' }],
    ['attachments', { message: 'hi', attachments: [{ url: 'https://x.test/a.pdf' }] }],
    ['a contact of its choosing', { message: 'hi', contactId: 'ct_9' }],
    ['a visitor of its choosing', { message: 'hi', visitorId: 'v_9' }],
    ['no message', {}],
    ['an empty message', { message: '' }],
    ['a message of spaces and new lines', { message: ' \n\t ' }],
    ['a message that is not text', { message: 42 }],
    ['4,097 characters', { message: 'a'.repeat(4097) }],
  ])('refuses a body with %s with 400, and the API never hears of it', async (_, body) => {
    const fetchSpy = upstreamTakesWrites();
    const response = await postApi(sendPath, body);
    expect(response.status).toBe(400);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('takes 4,096 characters with spaces around, and 4,096 three-byte ones', async () => {
    const fetchSpy = upstreamTakesWrites();
    const longest = 'a'.repeat(4096);
    expect((await postApi(sendPath, { message: `  ${longest}\n` })).status).toBe(200);
    expect((await postApi(sendPath, { message: 'ç'.repeat(4096) })).status).toBe(200);
    const sent = upstreamWrites(fetchSpy).map(({ body }) => JSON.parse(body as string) as unknown);
    expect(sent).toEqual([{ message: longest }, { message: 'ç'.repeat(4096) }]);
  });

  it('takes a body of exactly 32 KB and refuses one byte more with 413', async () => {
    const fetchSpy = upstreamTakesWrites();
    const body = '{"message":"hi"}';
    expect((await postApi(sendPath, body.padEnd(32 * 1024, ' '))).status).toBe(200);
    expect((await postApi(sendPath, body.padEnd(32 * 1024 + 1, ' '))).status).toBe(413);
    expect(upstreamWrites(fetchSpy)).toHaveLength(1);
  });

  it('refuses a send from another site with 403, and the API never hears of it', async () => {
    const fetchSpy = upstreamTakesWrites();
    const response = await postApi(sendPath, { message: 'hi' }, { origin: 'https://evil.test' });
    expect(response.status).toBe(403);
    expect(fetchSpy).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(audited).toHaveLength(1));
    expect(audited[0]).toMatchObject({ conversationId: 'conv_1', refused: 'not-from-viewer-page' });
  });

  it('passes back the API’s 406 for a closed reply window, and its body', async () => {
    const closed = '{"error":"ERR_META_SESSION_EXPIRED_24H"}';
    upstreamTakesWrites({ status: 406, body: closed });
    const response = await postApi(sendPath, { message: 'hi' });
    expect(response.status).toBe(406);
    expect(await response.text()).toBe(closed);
  });

  it('audits who sent how long a message to which conversation, and the API’s status, never the text', async () => {
    upstreamTakesWrites();
    await postApi(sendPath, { message: ' Seu reembolso saiu hoje. ' });
    await vi.waitFor(() => expect(audited).toHaveLength(1));
    expect(audited[0]).toEqual({
      event: 'api',
      user: 'ana@acme.test',
      method: 'POST',
      path: '/conversation/message/conversationId/conv_1',
      status: 200,
      durationMs: expect.any(Number) as number,
      conversationId: 'conv_1',
      change: { field: 'message', to: 'message to the customer', length: 24 },
    });
    expect(JSON.stringify(audited)).not.toContain('reembolso');
  });
});

describe('reads shared between agents', () => {
  /** Agents named by a test header; "nobody" is not admitted. */
  const agents: ApiProxyOptions['visitor'] = (request) => {
    const user = String(request.headers['x-agent'] ?? 'ana@acme.test');
    return Promise.resolve<Visitor>(
      user === 'nobody'
        ? { admitted: false, user: null, refusal: 'signed-out' }
        : { admitted: true, user },
    );
  };
  const asAgent = (path: string, agent: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/${path}`, {
      ...init,
      headers: { ...init.headers, 'x-agent': agent },
    });

  /** An upstream that answers each GET after `delayMs`, with the path it was asked. */
  function slowUpstream(delayMs = 30, options: Partial<ApiProxyOptions> = {}) {
    return proxyTo(
      async (url, init) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        if (init?.method === 'POST') return new Response('{"success":true}');
        return new Response(JSON.stringify({ asked: url as string }), {
          headers: { 'content-type': 'application/json' },
        });
      },
      { visitor: agents, cacheTtlMs: 4_000, ...options },
    );
  }

  it('makes one call for the same read asked by two agents at once, and audits each agent’s', async () => {
    const fetchSpy = slowUpstream();
    const [ana, bruno] = await Promise.all([
      asAgent('conversation/c1', 'ana@acme.test'),
      asAgent('conversation/c1', 'bruno@acme.test'),
    ]);
    expect(await ana.json()).toEqual({ asked: `https://upstream.test/v1/conversation/c1` });
    expect(await bruno.json()).toEqual({ asked: `https://upstream.test/v1/conversation/c1` });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(audited).toHaveLength(2));
    expect(
      audited
        .flatMap((entry) =>
          entry.event === 'api'
            ? [{ user: entry.user, status: entry.status, cache: entry.cache }]
            : [],
        )
        .toSorted((a, b) => String(a.user).localeCompare(String(b.user))),
    ).toEqual([
      { user: 'ana@acme.test', status: 200, cache: undefined },
      { user: 'bruno@acme.test', status: 200, cache: 'shared' },
    ]);
  });

  it('answers the same read again from the cache for a few seconds, and another query with a call of its own', async () => {
    const fetchSpy = slowUpstream(0);
    await asAgent('conversation?status=HUMAN_REQUESTED&limit=100', 'ana@acme.test');
    const again = await asAgent('conversation?status=HUMAN_REQUESTED&limit=100', 'bruno@acme.test');
    expect(again.status).toBe(200);
    expect(again.headers.get('cache-control')).toBe('no-store');
    await asAgent('conversation?status=UNRESOLVED&limit=100', 'bruno@acme.test');
    expect(upstreamCalls(fetchSpy).map(({ url }) => url)).toEqual([
      `https://upstream.test/v1/conversation?status=HUMAN_REQUESTED&limit=100`,
      `https://upstream.test/v1/conversation?status=UNRESOLVED&limit=100`,
    ]);
    await vi.waitFor(() => expect(audited).toHaveLength(3));
    expect(audited[1]).toMatchObject({ user: 'bruno@acme.test', status: 200, cache: 'hit' });
  });

  it('checks the session before the cache: someone not signed in gets 401 for a read kept for others', async () => {
    const fetchSpy = slowUpstream(0);
    await asAgent('conversation/c1', 'ana@acme.test');
    const refused = await asAgent('conversation/c1', 'nobody');
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain('asked');
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('drops the conversation’s kept reads and every list when a write to it lands, before the writer hears back', async () => {
    const fetchSpy = slowUpstream(0);
    const reads = [
      'conversation/c1',
      'conversation/c1/messages/50',
      'conversation?limit=100',
      'conversation/c2',
    ];
    for (const path of reads) await asAgent(path, 'ana@acme.test');
    const write = await asAgent('conversations/c1/set-priority', 'bruno@acme.test', {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/json' },
      body: '{"priority":"HIGH"}',
    });
    expect(write.status).toBe(200);
    fetchSpy.mockClear();
    for (const path of reads) await asAgent(path, 'ana@acme.test');
    expect(upstreamCalls(fetchSpy).map(({ url }) => url)).toEqual([
      `https://upstream.test/v1/conversation/c1`,
      `https://upstream.test/v1/conversation/c1/messages/50`,
      `https://upstream.test/v1/conversation?limit=100`,
    ]);
  });

  it('holds back every call once the API answers 429 with Retry-After, says until when, and still answers kept reads', async () => {
    let limited = false;
    const fetchSpy = proxyTo(
      () =>
        Promise.resolve(
          limited
            ? new Response('{"error":"slow down"}', {
                status: 429,
                headers: { 'retry-after': '30' },
              })
            : new Response('{"id":"c1"}'),
        ),
      { visitor: agents, cacheTtlMs: 4_000 },
    );
    await asAgent('conversation/c1', 'ana@acme.test');
    limited = true;
    const first = await asAgent('conversation/c2', 'ana@acme.test');
    expect(first.status).toBe(429);
    expect(fetchSpy).toHaveBeenCalledTimes(2);

    const before = Date.now();
    const held = await asAgent('conversation/c3', 'bruno@acme.test');
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThanOrEqual(29);
    const { error, retryAt } = (await held.json()) as { error: string; retryAt: string };
    expect(error).toBe('The API asked the viewer to wait');
    expect(Date.parse(retryAt) - before).toBeGreaterThan(29_000);
    const write = await asAgent('conversations/c1/set-status', 'bruno@acme.test', {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/json' },
      body: '{"status":"RESOLVED"}',
    });
    expect(write.status).toBe(429);
    expect((await asAgent('conversation/c1', 'bruno@acme.test')).status).toBe(200);
    expect(fetchSpy).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(audited).toHaveLength(5));
    expect(audited.filter((entry) => entry.event === 'api' && entry.heldBack)).toHaveLength(2);
  });

  it('has no more calls in flight to the API than it is allowed', async () => {
    let inFlight = 0;
    let most = 0;
    proxyTo(
      async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight -= 1;
        return new Response('{}');
      },
      { visitor: agents, apiMaxConcurrent: 2 },
    );
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, index) => asAgent(`conversation/c${index}`, 'ana@acme.test')),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(most).toBe(2);
  });
});

describe('an agent’s own change through another copy', () => {
  it('is read back fresh when the browser asks past the shared reads, and others are served it from then on', async () => {
    let priority = 'MEDIUM';
    // This copy's shared reads; the change lands at the API through another copy, unheard of here.
    proxyTo(() => Promise.resolve(new Response(JSON.stringify({ id: 'c1', priority }))), {
      cacheTtlMs: 4_000,
    });
    const read = async (headers: Record<string, string> = {}) => {
      const answer = await fetch(`${server.url}/api/conversation/c1`, { headers });
      return ((await answer.json()) as { priority: string }).priority;
    };
    expect(await read()).toBe('MEDIUM');
    priority = 'HIGH';

    expect(await read()).toBe('MEDIUM');
    expect(await read({ 'cache-control': 'no-cache' })).toBe('HIGH');
    expect(await read()).toBe('HIGH');
  });
});
