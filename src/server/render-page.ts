/**
 * Server rendering of a deep link (`/conversations/<id>`), for live servers. The page's head
 * goes out at once, so the browser fetches the app's CSS and script while the server asks the
 * API; the body follows with the conversation already drawn and its data embedded, which the
 * app then takes over instead of drawing and fetching again. Whatever goes wrong (the API's
 * error, a slow answer, a huge one), the body is the plain app, which asks the API itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';
import type { Connect } from 'vite';
import { conversationIdProblem } from '../config/paths.ts';
import { isLocale, localeFromLanguages, type Locale } from '../lib/locales.ts';
import { renderCookies, SERVER_PAGE_ELEMENT_ID, type ServerPage } from '../lib/server-page.ts';
import { accountNotAllowedHref, signInHref } from '../config/sign-in-links.ts';
import type { ApiGate } from './api-gate.ts';
import { createApiFetch, type ApiFetch } from './api-proxy.ts';
import type { Audit } from './audit-log.ts';
import { refusalStatus } from './auth/access.ts';
import type { Access } from './auth/visitor.ts';
import { readCookie } from './cookies.ts';
import type { ServerEnv } from './server-env.ts';
import { messagesPath, preloadLinks } from './preload-link.ts';

export interface RenderPageOptions {
  /** The built index.html. */
  template: string;
  /** The app's renderer (`renderConversationPage` of the server build). */
  render: (page: ServerPage) => Promise<string | null>;
  /** The API, with the server's key. */
  fetchApi: ApiFetch;
  /** How long the page waits for the API before the browser is left to ask it. */
  timeoutMs: number;
  /** Larger answers are embedded but not drawn: the browser draws them itself. */
  maxRenderedBytes: number;
  /** Who is asking: nothing of a conversation is drawn for anyone not admitted. */
  visitor: Access['visitor'];
  /** Where the API call behind each drawn page is recorded, as the proxy records its own. */
  audit: Audit;
}

const ROOT = '<div id="root"></div>';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The reader's language and time zone: as the browser last told us, else from the request. */
export function readerPreferences(request: IncomingMessage): { locale: Locale; timeZone: string } {
  const savedLocale = readCookie(request, renderCookies.locale);
  const savedTimeZone = readCookie(request, renderCookies.timeZone);
  const languages = (request.headers['accept-language'] ?? '')
    .split(',')
    .map((language) => language.split(';')[0] ?? '');
  return {
    locale: isLocale(savedLocale) ? savedLocale : localeFromLanguages(languages),
    // Unknown until the browser has run once; UTC then, and a browser elsewhere draws afresh.
    timeZone: savedTimeZone && isTimeZone(savedTimeZone) ? savedTimeZone : 'UTC',
  };
}

/** The conversation id of a deep link, or null for any other path. */
export function deepLinkId(pathname: string): string | null {
  const segment = /^\/conversations\/([^/]+)$/.exec(pathname)?.[1];
  if (!segment) return null;
  try {
    const id = decodeURIComponent(segment);
    return conversationIdProblem(id) ? null : id;
  } catch {
    return null;
  }
}

/** JSON for inside a <script> element: no `<` can close it or open a comment. */
const scriptJson = (json: string) => json.replace(/</g, '\\u003c');

/** The API's answer, as text and parsed, or null when there is none worth embedding. */
async function fetchConversation(
  options: RenderPageOptions,
  id: string,
  user: string | null,
): Promise<{ text: string; value: unknown } | null> {
  const path = `conversation/${encodeURIComponent(id)}`;
  const started = performance.now();
  const signal = AbortSignal.timeout(options.timeoutMs);
  // Recorded as the proxy records a call: 502 when the API could not be reached, 504 too slow.
  let status = 502;
  try {
    const response = await options.fetchApi(path, { signal });
    status = response.status;
    if (!response.ok) return null;
    const text = await response.text();
    return { text, value: JSON.parse(text) as unknown };
  } catch {
    if (signal.aborted && status === 502) status = 504;
    return null;
  } finally {
    options.audit({
      event: 'api',
      user,
      method: 'GET',
      path: `/${path}`,
      status,
      durationMs: Math.round(performance.now() - started),
    });
  }
}

/**
 * The response, gzipped when the browser takes it (the page is mostly markup and JSON, a fifth
 * of its size compressed); each write is flushed, so the head reaches the browser at once.
 */
function openPage(
  request: IncomingMessage,
  response: ServerResponse,
  headers: Record<string, string>,
): { write: (text: string) => void; end: (text: string) => void } {
  if (!/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    response.writeHead(200, headers);
    return { write: (text) => response.write(text), end: (text) => response.end(text) };
  }
  response.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
  const gzip = createGzip();
  gzip.pipe(response);
  return {
    write: (text) => {
      gzip.write(text);
      gzip.flush();
    },
    end: (text) => gzip.end(text),
  };
}

export function renderPageMiddleware(options: RenderPageOptions): Connect.NextHandleFunction {
  const rootAt = options.template.indexOf(ROOT);
  if (rootAt < 0) throw new Error(`index.html has no ${ROOT} to render into`);
  // The head goes out before the conversation's title is known: the app draws its <title> into
  // the body, where it is the document's first, and the template's stands in when nothing is drawn.
  const title = /<title>.*?<\/title>\s*/.exec(options.template)?.[0] ?? '';
  // Nor does the head preload the app's code: a drawn page's script waits until the page has
  // painted (src/main.tsx) rather than share the network with it. An undrawn page preloads it
  // after all, ahead of its embedded data.
  const modulePreload = /\s*<link rel="modulepreload"[^>]*>/g;
  const head = options.template.slice(0, rootAt);
  const before = head.replace(title, '').replace(modulePreload, '');
  const preloads = (head.match(modulePreload) ?? []).map((link) => link.trim()).join('');
  const after = options.template.slice(rootAt + ROOT.length);

  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    if (request.method !== 'GET') return next();
    const url = new URL(request.url ?? '/', 'http://viewer');
    const id = deepLinkId(url.pathname);
    if (id === null) return next();
    options
      .visitor(request, response)
      .then((asker) => {
        if (asker.admitted) return drawPage(request, response, id, asker.user);
        // Nothing of the conversation: sign-in first, then back here; or why this account cannot.
        const here = `${url.pathname}${url.search}`;
        response.writeHead(303, {
          location:
            refusalStatus(asker.refusal) === 401 ? signInHref(here) : accountNotAllowedHref(here),
          'cache-control': 'no-store',
        });
        response.end();
      })
      .catch(next);
  };

  function drawPage(
    request: IncomingMessage,
    response: ServerResponse,
    id: string,
    user: string | null,
  ) {
    const { locale, timeZone } = readerPreferences(request);

    const data = fetchConversation(options, id, user);
    const page = openPage(request, response, {
      'content-type': 'text/html; charset=utf-8',
      // The page holds the conversation: never kept by a cache, and it differs per reader.
      'cache-control': 'no-store',
      vary: 'Cookie, Accept-Language, Accept-Encoding',
      // The newest messages are not drawn here; the browser starts on them right away.
      link: preloadLinks([messagesPath(encodeURIComponent(id))]),
    });
    page.write(before.replace(/<html lang="[^"]*"/, `<html lang="${locale}"`));

    void (async () => {
      const answer = await data;
      let markup = '';
      let embedded = '';
      if (answer !== null) {
        const facts = { conversationId: id, locale, timeZone, renderedAt: Date.now() };
        if (Buffer.byteLength(answer.text) <= options.maxRenderedBytes) {
          const rendered: ServerPage = { ...facts, conversation: answer.value };
          markup = (await options.render(rendered).catch(() => null)) ?? '';
        }
        // The answer as received, not serialised again: a 5 MB conversation is copied, not walked.
        const json = `${JSON.stringify(facts).slice(0, -1)},"conversation":${answer.text}}`;
        embedded = `<script type="application/json" id="${SERVER_PAGE_ELEMENT_ID}">${scriptJson(json)}</script>`;
      }
      const undrawn = `${title.trim()}<div id="root"></div>${preloads}`;
      page.end(`${markup ? `<div id="root">${markup}</div>` : undrawn}${embedded}${after}`);
    })();
  }
}

// How long a deep link waits for its conversation before the browser is left to ask for it,
// and the largest answer worth drawing on the server (the 5 MB one is drawn in the browser).
const RENDER_WAIT_MS = 3_000;
const MAX_RENDERED_BYTES = 512 * 1024;

/** Deep links drawn with the API's answer, as every live server draws them. */
export function conversationPageMiddleware({
  template,
  render,
  env,
  visitor,
  audit,
  gate,
}: Pick<RenderPageOptions, 'template' | 'render' | 'visitor' | 'audit'> & {
  env: Pick<ServerEnv, 'apiUrl' | 'apiKey' | 'timeoutMs'>;
  /** The door the proxy's calls go through too: the API's limits are the key's, whoever asks. */
  gate?: ApiGate;
}): Connect.NextHandleFunction {
  const fetchApi = createApiFetch(env);
  return renderPageMiddleware({
    template,
    render,
    visitor,
    audit,
    fetchApi: gate ? (path, init) => gate.call(() => fetchApi(path, init), init.signal) : fetchApi,
    timeoutMs: Math.min(RENDER_WAIT_MS, env.timeoutMs),
    maxRenderedBytes: MAX_RENDERED_BYTES,
  });
}
