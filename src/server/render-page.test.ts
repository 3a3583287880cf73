// @vitest-environment node
import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { renderConversationPage } from '@/entry-server';
import { loopbackServerForTests } from '@/testing/loopback-server';
import type { ServerPage } from '@/lib/server-page';
import type { ApiFetch } from './api-proxy';
import type { AuditEntry } from './audit-log';
import type { Visitor } from './auth/visitor';
import { deepLinkId, readerPreferences, renderPageMiddleware } from './render-page';

const template = `<!doctype html>
<html lang="en">
  <head>
    <title>Conversation Viewer</title>
    <script type="module" crossorigin src="/assets/index.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index.css">
    <link rel="modulepreload" crossorigin href="/assets/app.js">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

const conversation = {
  id: 'conv_1',
  title: 'Order </script><b>late</b>',
  status: 'HUMAN_REQUESTED',
  priority: 'HIGH',
  frustration: 70,
};

let middleware: ReturnType<typeof renderPageMiddleware>;
const server = loopbackServerForTests((request, response) =>
  middleware(request, response, () => response.end('next')),
);

const agent: Visitor = { admitted: true, user: 'ana@acme.test' };

/** The page middleware in front of a fake API that answers `answer`, for `visitor`. */
function serve(
  answer: () => Promise<Response>,
  {
    maxRenderedBytes = 100_000,
    visitor = agent,
  }: { maxRenderedBytes?: number; visitor?: Visitor } = {},
) {
  const fetchApi = vi.fn<ApiFetch>(answer);
  const render = vi.fn(renderConversationPage);
  const audited: AuditEntry[] = [];
  middleware = renderPageMiddleware({
    template,
    render,
    fetchApi,
    timeoutMs: 500,
    maxRenderedBytes,
    visitor: () => Promise.resolve(visitor),
    audit: (entry) => audited.push(entry),
  });
  return { fetchApi, render, audited };
}

const answering =
  (body: unknown, status = 200) =>
  () =>
    Promise.resolve(new Response(JSON.stringify(body), { status }));

/** GETs a path; the body unzipped when it came gzipped. */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      httpRequest(`${server.url}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const gzipped = response.headers['content-encoding'] === 'gzip';
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: (gzipped ? gunzipSync(raw) : raw).toString('utf8'),
          });
        });
      })
        .on('error', reject)
        .end();
    },
  );
}

/** The data the page embeds for the browser. */
function embedded(body: string): ServerPage {
  const json = /<script type="application\/json" id="server-page">(.*?)<\/script>/s.exec(body)?.[1];
  if (!json) throw new Error('no embedded page data');
  return JSON.parse(json) as ServerPage;
}

describe('server-rendered deep links', () => {
  it('draw the conversation, embed its data, and preload only the messages', async () => {
    const { fetchApi } = serve(answering(conversation));
    const page = await get('/conversations/conv_1', { 'accept-encoding': 'gzip' });

    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers.link).toBe(
      '</api/conversation/conv_1/messages/50>; rel=preload; as=fetch; crossorigin',
    );
    expect(fetchApi).toHaveBeenCalledTimes(1);
    expect(fetchApi.mock.calls[0]?.[0]).toBe('conversation/conv_1');
    // Drawn, with markup in the title as text.
    expect(page.body).toContain('Order &lt;/script&gt;&lt;b&gt;late&lt;/b&gt;</h1>');
    expect(page.body).toContain('Needs a human');
    // The scripts wait for the page: nothing is preloaded beside it.
    expect(page.body).not.toContain('modulepreload');
    expect(page.body).toContain('src="/assets/index.js"');
    // The embedded answer cannot close its script element.
    expect(page.body.match(/<\/script>/g)).toHaveLength(2);
    expect(embedded(page.body)).toMatchObject({
      conversationId: 'conv_1',
      locale: 'en',
      timeZone: 'UTC',
      conversation,
    });
  });

  it('draw in the language and time zone the reader’s cookies name, else Accept-Language', async () => {
    serve(answering(conversation));
    const portuguese = await get('/conversations/conv_1', { 'accept-language': 'pt-PT,en;q=0.5' });
    expect(portuguese.body).toContain('<html lang="pt-BR"');
    expect(portuguese.body).toContain('Precisa de humano');

    const saved = await get('/conversations/conv_1', {
      'accept-language': 'pt-BR',
      cookie: 'other=1; viewer-language=en; viewer-time-zone=America%2FSao_Paulo',
    });
    expect(saved.body).toContain('<html lang="en"');
    expect(embedded(saved.body)).toMatchObject({ locale: 'en', timeZone: 'America/Sao_Paulo' });
  });

  it('leave the page to the browser when the API fails or does not answer a conversation', async () => {
    // Only JSON is embedded: the browser then judges it as it judges any answer.
    const cases: [() => Promise<Response>, boolean][] = [
      [answering({ message: 'not found' }, 404), false],
      [() => Promise.resolve(new Response('<html>gateway</html>')), false],
      [() => Promise.reject(new Error('connection refused')), false],
      [answering(['not', 'a', 'conversation']), true],
    ];
    for (const [answer, embeds] of cases) {
      serve(answer);
      const page = await get('/conversations/conv_1');
      expect(page.status).toBe(200);
      expect(page.body).toContain('<div id="root"></div>');
      expect(page.body).toContain('<title>Conversation Viewer</title>');
      expect(page.body).toContain('href="/assets/app.js"');
      expect(page.body.includes('id="server-page"')).toBe(embeds);
    }
  });

  it('embed a huge answer without drawing it', async () => {
    const { render } = serve(answering({ ...conversation, metadata: 'x'.repeat(2_000) }), {
      maxRenderedBytes: 1_000,
    });
    const page = await get('/conversations/conv_1');
    expect(render).not.toHaveBeenCalled();
    expect(page.body).toContain('<div id="root"></div>');
    // Undrawn, the page preloads the app's code as the plain page does, ahead of the data.
    expect(page.body).toMatch(/<div id="root"><\/div><link rel="modulepreload"[^>]*app\.js">/);
    expect(embedded(page.body).conversation).toMatchObject({ id: 'conv_1' });
  });

  it('leave every other page, and ids the viewer refuses, to the next handler', async () => {
    const { fetchApi } = serve(answering(conversation));
    for (const path of [
      '/',
      '/conversations',
      '/conversations/a/b',
      '/assets/app.js',
      '/conversations/%E0%A4%A',
    ]) {
      expect((await get(path)).body).toBe('next');
    }
    expect(fetchApi).not.toHaveBeenCalled();
  });
});

describe('deep links and sign-in', () => {
  it('send whoever is not signed in to sign-in and back, drawing and asking nothing', async () => {
    const { fetchApi, audited } = serve(answering(conversation), {
      visitor: { admitted: false, user: null, refusal: 'session-expired' },
    });
    const page = await get('/conversations/conv_1?tab=notes');
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe(
      '/auth/login?returnTo=%2Fconversations%2Fconv_1%3Ftab%3Dnotes',
    );
    expect(page.body).not.toContain('conv_1');
    expect(fetchApi).not.toHaveBeenCalled();
    expect(audited).toEqual([]);
  });

  it('send an account outside the allowed list to the page that says so', async () => {
    const { fetchApi } = serve(answering(conversation), {
      visitor: { admitted: false, user: 'bob@other.test', refusal: 'account-not-allowed' },
    });
    const page = await get('/conversations/conv_1');
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/account-not-allowed?returnTo=%2Fconversations%2Fconv_1');
    expect(fetchApi).not.toHaveBeenCalled();
  });

  it('record the API call behind a drawn page under the agent who asked', async () => {
    const { audited } = serve(answering(conversation));
    expect((await get('/conversations/conv_1')).status).toBe(200);
    expect(audited).toEqual([
      expect.objectContaining({
        event: 'api',
        user: 'ana@acme.test',
        method: 'GET',
        path: '/conversation/conv_1',
        status: 200,
      }),
    ]);
  });
});

describe('deepLinkId', () => {
  it('reads the id of a deep link, decoded, and nothing else', () => {
    expect(deepLinkId('/conversations/conv_1')).toBe('conv_1');
    expect(deepLinkId('/conversations/a%2Fb%3F')).toBe('a/b?');
    expect(deepLinkId('/conversations/')).toBeNull();
    expect(deepLinkId('/conversations/%20')).toBeNull();
    expect(deepLinkId(`/conversations/${'x'.repeat(300)}`)).toBeNull();
  });
});

describe('readerPreferences', () => {
  const preferences = (headers: Record<string, string>) =>
    readerPreferences({ headers } as Parameters<typeof readerPreferences>[0]);

  it('ignores cookies that name no language or time zone we know', () => {
    expect(preferences({ cookie: 'viewer-language=fr; viewer-time-zone=Mars%2FOlympus' })).toEqual({
      locale: 'en',
      timeZone: 'UTC',
    });
    expect(preferences({ 'accept-language': 'fr-FR, pt;q=0.8' })).toEqual({
      locale: 'pt-BR',
      timeZone: 'UTC',
    });
  });
});
