// @vitest-environment node
import { request } from 'node:http';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loopbackServerForTests } from '@/testing/loopback-server';
import { createApiProxy, type ApiProxyOptions } from './api-proxy';
import type { AuditEntry } from './audit-log';

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
