/**
 * Server-side `/api` proxy for the Vite dev and preview servers: the only place that holds the
 * Chatvolt API key. Never imported by browser code.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createApiGate, HeldBack, type ApiGate } from './api-gate.ts';
import { writeAuditLine, type Audit, type AuditEntry } from './audit-log.ts';
import { refusalHeaders, refusalStatus } from './auth/access.ts';
import type { Access, Visitor } from './auth/visitor.ts';
import { isFromViewerPage, viewerOrigin } from './auth/request-origin.ts';
import {
  apiBody,
  changesAField,
  describeChange,
  BodyRefused,
  readJsonBody,
} from './conversation-write.ts';
import { sendJson } from './send-json.ts';
import {
  createSharedReads,
  readsOfConversation,
  type ApiAnswer,
  type SharedReads,
} from './shared-reads.ts';
import { writeOfPath, type WriteAction } from '../config/conversation-writes.ts';
import { crmHistoryQuery } from '../config/crm-history-query.ts';
import { listQuery, OPEN_QUEUE_REFRESH_MS } from '../config/list-query.ts';

export interface ApiProxyOptions {
  apiUrl: string;
  apiKey: string | undefined;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
  /** Who is asking: a call from someone not admitted is refused before the API hears of it. */
  visitor: Access['visitor'];
  /** Where each call's audit entry goes; standard output by default. */
  audit?: Audit;
  /** The origin the browser reaches the viewer at (VIEWER_PUBLIC_URL); else the request's own. */
  publicOrigin?: string | undefined;
  /** How long an answer serves the same read for every agent; 0 (the default): only while in flight. */
  cacheTtlMs?: number;
  /** The most the shared reads keep, in bytes. */
  cacheMaxBytes?: number;
  /** Calls in flight to the API at once; no limit by default. */
  apiMaxConcurrent?: number;
  /** The shared reads and the door to the API, when given rather than made from the above. */
  sharedReads?: SharedReads;
  gate?: ApiGate;
}

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/**
 * A query parameter a path may carry, forwarded once (the first value). With `valid`, a value
 * that does not match is refused (400), and so is the absence of a `required` one.
 */
interface QueryParameter {
  name: string;
  valid?: RegExp;
  required?: boolean;
}

/** The API paths the browser may reach (the part after `/api/`), and the query each may carry. */
const allowedRoutes: { path: RegExp; query: readonly QueryParameter[] }[] = [
  { path: /^conversation\/[^/]+$/, query: [] },
  // A conversation's latest messages; a count of at most four digits.
  { path: /^conversation\/[^/]+\/messages\/\d{1,4}$/, query: [] },
  {
    path: /^conversation$/,
    query: [
      ...listQuery.filters.map((name) => ({ name })),
      { name: 'limit', valid: listQuery.limit },
      { name: 'cursor', valid: listQuery.cursor },
    ],
  },
  // A conversation's notes (its writes are below).
  { path: /^conversations\/[^/]+\/notes$/, query: [] },
  // A conversation's CRM history, a page at a time.
  {
    path: /^crm\/conversationLog$/,
    query: [
      { name: 'conversationId', valid: crmHistoryQuery.conversationId, required: true },
      { name: 'page', valid: crmHistoryQuery.page },
      { name: 'limit', valid: crmHistoryQuery.limit },
    ],
  },
];

/** The query to send upstream (`?…` or ''), or null when a value is missing or refused. */
function forwardedQuery(params: URLSearchParams, allowed: readonly QueryParameter[]) {
  const query = new URLSearchParams();
  for (const { name, valid, required } of allowed) {
    const value = params.get(name);
    // An empty value counts as absent, as nginx reads it.
    if (!value) {
      if (required) return null;
      continue;
    }
    if (valid && !valid.test(value)) return null;
    query.set(name, value);
  }
  return query.size > 0 ? `?${query.toString()}` : '';
}

/** Whether every segment is an id, not a way up or around (`.`, `..`, `%2e%2e`, broken escapes). */
function hasPlainSegments(apiPath: string): boolean {
  return apiPath.split('/').every((segment) => {
    try {
      const decoded = decodeURIComponent(segment);
      return decoded !== '.' && decoded !== '..';
    } catch {
      return false;
    }
  });
}

/** Response headers worth passing back to the browser; everything else stays upstream. */
const forwardedResponseHeaders = ['content-type', 'retry-after'];

/** A request to the API with the server's key; `apiPath` is what follows `/api/`, query included. */
export type ApiFetch = (
  apiPath: string,
  init: { method?: string; body?: string; signal: AbortSignal },
) => Promise<Response>;

export function createApiFetch({
  apiUrl,
  apiKey,
  fetchImpl = fetch,
}: Pick<ApiProxyOptions, 'apiUrl' | 'apiKey' | 'fetchImpl'>): ApiFetch {
  const base = apiUrl.replace(/\/+$/, '');
  // The browser's own headers (cookies, Authorization) are never forwarded.
  return (apiPath, { method = 'GET', body, signal }) =>
    fetchImpl(`${base}/${apiPath}`, {
      method,
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body,
      signal,
    });
}

const MAX_AUDITED_PATH = 300;

/** Which conversation a call reads when its path does not say: who read what, for the audit log. */
function readConversation(apiPath: string, query: URLSearchParams) {
  const conversationId = apiPath === 'crm/conversationLog' ? query.get('conversationId') : null;
  return conversationId && crmHistoryQuery.conversationId.test(conversationId)
    ? { conversationId }
    : {};
}

type AuditDetails = Pick<
  Extract<AuditEntry, { event: 'api' }>,
  'conversationId' | 'change' | 'refused' | 'cache' | 'heldBack'
>;

/**
 * Whether the browser asks past the shared reads (`Cache-Control: no-cache`): after its agent's
 * own write, which may have gone through another copy whose reads this copy does not know.
 */
const asksFresh = (request: IncomingMessage) =>
  /\bno-cache\b/i.test(String(request.headers['cache-control'] ?? ''));

/** A read's key in the shared reads: its path with each segment escaped one way, and its query. */
function readKey(apiPath: string, search: string) {
  const path = apiPath
    .split('/')
    .map((segment) => encodeURIComponent(decodeURIComponent(segment)))
    .join('/');
  return `${path}${search}`;
}

/**
 * With sharing on, the reads every agent's live queue makes anyway live longer: a list until the
 * queue's next aligned refresh, and a conversation's read while the latest list shows it unchanged;
 * its messages' for at most half a minute, in case one of them does not move the conversation.
 */
const longerSharedReads = { listPeriodMs: OPEN_QUEUE_REFRESH_MS, messagesUnchangedForMs: 30_000 };

export function createApiProxy(options: ApiProxyOptions): Middleware {
  const { apiKey, timeoutMs, visitor, audit = writeAuditLine, publicOrigin } = options;
  const fetchApi = createApiFetch(options);
  const sharedReads =
    options.sharedReads ??
    createSharedReads({
      ttlMs: options.cacheTtlMs ?? 0,
      maxBytes: options.cacheMaxBytes ?? 64 * 1024 * 1024,
      ...(options.cacheTtlMs ? longerSharedReads : {}),
    });
  const gate =
    options.gate ?? createApiGate({ maxConcurrent: options.apiMaxConcurrent ?? Infinity });
  /** A call to the API through the gate: when it allows, and never too many at once. */
  const callApi: ApiFetch = (apiPath, init) =>
    gate.call(() => fetchApi(apiPath, init), init.signal);
  return (request, response, next) => {
    // The path as sent, not as URL parsing resolves it: `/api/./x` and `/api/a/../x` are refused
    // below, not read as another path.
    const path = (request.url ?? '/').split('?')[0]!;
    if (!path.startsWith('/api/')) return next();
    const url = new URL(request.url ?? '/', 'http://localhost');

    const apiPath = path.slice('/api/'.length);
    const started = performance.now();
    let asker: Visitor | undefined;
    // The writes of config/conversation-writes.ts: reached only from the viewer's own pages,
    // with a body its schema lets through.
    const write = hasPlainSegments(apiPath) ? writeOfPath(apiPath) : null;
    // A write names its conversation in the log, refused or not.
    const details: AuditDetails = write
      ? { conversationId: write.conversationId }
      : readConversation(apiPath, url.searchParams);
    // Every call is audited once it has ended, refused or answered, whichever way it ended.
    response.on('close', () =>
      audit({
        event: 'api',
        user: asker?.user ?? null,
        method: request.method ?? '',
        path: `/${apiPath}`.slice(0, MAX_AUDITED_PATH),
        status: response.writableFinished ? response.statusCode : 499,
        durationMs: Math.round(performance.now() - started),
        ...details,
        ...(asker && !asker.admitted ? { refused: asker.refusal } : {}),
      }),
    );
    visitor(request, response)
      .then((visiting) => {
        asker = visiting;
        if (!asker.admitted) {
          const status = refusalStatus(asker.refusal);
          return sendJson(
            response,
            status,
            {
              error:
                status === 401
                  ? 'Sign in to read conversations'
                  : 'This account may not read conversations',
            },
            refusalHeaders(asker.refusal),
          );
        }
        return proxy(apiPath, url, write, request, response, asker.user, details);
      })
      .catch(() => {
        if (!response.headersSent) sendJson(response, 500, { error: 'The request failed' });
      });
  };

  async function proxy(
    apiPath: string,
    url: URL,
    write: ReturnType<typeof writeOfPath>,
    request: IncomingMessage,
    response: ServerResponse,
    user: string | null,
    details: AuditDetails,
  ) {
    if (!hasPlainSegments(apiPath)) return sendJson(response, 404, { error: 'Unknown API path' });
    if (write && request.method === 'POST') {
      return proxyWrite(write.action, apiPath, request, response, user, details);
    }
    const route = allowedRoutes.find(({ path }) => path.test(apiPath));
    if (!route && !write) return sendJson(response, 404, { error: 'Unknown API path' });
    if (!route || (request.method !== 'GET' && request.method !== 'HEAD')) {
      const allow = [...(route ? ['GET', 'HEAD'] : []), ...(write ? ['POST'] : [])];
      return sendJson(response, 405, { error: 'Method not allowed' }, { allow: allow.join(', ') });
    }
    const search = forwardedQuery(url.searchParams, route.query);
    if (search === null) {
      return sendJson(response, 400, { error: 'Invalid query parameters' });
    }
    if (!apiKey) return refuseWithoutKey(response);
    if (request.method === 'HEAD') {
      return forward(response, `${apiPath}${search}`, { method: 'HEAD' }, details);
    }
    shareRead(
      response,
      `${apiPath}${search}`,
      readKey(apiPath, search),
      details,
      asksFresh(request),
    );
  }

  async function proxyWrite(
    action: WriteAction,
    apiPath: string,
    request: IncomingMessage,
    response: ServerResponse,
    user: string | null,
    details: AuditDetails,
  ) {
    // Only the viewer's own pages may change anything: another site's form or script may not.
    if (!isFromViewerPage(request, viewerOrigin(request, publicOrigin))) {
      details.refused = 'not-from-viewer-page';
      request.resume();
      return sendJson(response, 403, { error: 'Changes are made from the viewer’s own pages' });
    }
    let built: ReturnType<typeof apiBody>;
    try {
      built = apiBody(action, await readJsonBody(request, action), user);
    } catch (refusal) {
      if (!(refusal instanceof BodyRefused)) throw refusal;
      return sendJson(response, refusal.status, { error: refusal.message });
    }
    if ('error' in built) return sendJson(response, built.status, { error: built.error });
    if (!apiKey) return refuseWithoutKey(response);

    const body = built.body;
    const conversationId = details.conversationId!;
    forward(
      response,
      apiPath,
      { method: 'POST', ...(body ? { body: JSON.stringify(body) } : {}) },
      details,
      {
        prepare: async (signal) => {
          // What it was before, for the audit line: asked just before the change, never trusted
          // from the browser. A failed look leaves it out.
          const conversation = changesAField(action)
            ? await callApi(`conversation/${encodeURIComponent(conversationId)}`, { signal })
                .then((answer) => (answer.ok ? (answer.json() as Promise<unknown>) : undefined))
                .catch(() => undefined)
            : undefined;
          details.change = describeChange(action, body, conversation);
        },
        // Before the agent hears back: nobody reads the old value after a change has landed.
        answered: () => sharedReads.forget(readsOfConversation(conversationId)),
      },
    );
  }

  function refuseWithoutKey(response: ServerResponse) {
    sendJson(response, 401, {
      error: 'CHATVOLT_API_KEY is not set on the server that serves this viewer',
    });
  }

  /** Asks the API through the gate; its answer read whole, with the headers worth passing on. */
  async function askApi(
    apiPath: string,
    init: { method?: string; body?: string; signal: AbortSignal },
  ): Promise<ApiAnswer> {
    const upstream = await callApi(apiPath, init);
    const headers: Record<string, string> = {};
    for (const name of forwardedResponseHeaders) {
      const value = upstream.headers.get(name);
      if (value) headers[name] = value;
    }
    return { status: upstream.status, headers, body: Buffer.from(await upstream.arrayBuffer()) };
  }

  function answerWith(response: ServerResponse, { status, headers, body }: ApiAnswer) {
    if (response.destroyed) return;
    response.writeHead(status, { 'cache-control': 'no-store', ...headers });
    response.end(body);
  }

  /** What the browser hears when the API was not asked, or did not answer. */
  function answerFailure(
    response: ServerResponse,
    error: unknown,
    timedOut: boolean,
    details: AuditDetails,
  ) {
    if (response.headersSent || response.destroyed) return;
    if (error instanceof HeldBack) {
      // The API asked this copy to wait: the page says so, and when it will be asked again.
      details.heldBack = true;
      const seconds = Math.max(1, Math.ceil((error.until - Date.now()) / 1000));
      return sendJson(
        response,
        429,
        { error: error.message, retryAt: new Date(error.until).toISOString() },
        { 'retry-after': String(seconds) },
      );
    }
    sendJson(response, timedOut ? 504 : 502, {
      error: timedOut ? 'The API did not answer in time' : 'The API could not be reached',
    });
  }

  /**
   * A read, shared with every agent's identical read: kept for a few seconds, or in flight. Its
   * call to the API is not cut when one agent goes away: the others wait for it too.
   */
  function shareRead(
    response: ServerResponse,
    apiPath: string,
    key: string,
    details: AuditDetails,
    fresh: boolean,
  ) {
    const signal = AbortSignal.timeout(timeoutMs);
    sharedReads
      .read(key, () => askApi(apiPath, { signal }), { fresh })
      .then(({ answer, source }) => {
        if (source !== 'api') details.cache = source === 'cache' ? 'hit' : 'shared';
        answerWith(response, answer);
      })
      .catch((error: unknown) => answerFailure(response, error, signal.aborted, details));
  }

  /** Sends the call to the API and its answer back, after `prepare`, and `answered` before it. */
  function forward(
    response: ServerResponse,
    apiPath: string,
    init: { method?: string; body?: string },
    details: AuditDetails,
    {
      prepare,
      answered,
    }: { prepare?: (signal: AbortSignal) => Promise<void>; answered?: () => void } = {},
  ) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new Error('timeout')), timeoutMs);
    response.on('close', () => abort.abort(new Error('client went away')));

    (async () => {
      await prepare?.(abort.signal);
      return askApi(apiPath, { ...init, signal: abort.signal });
    })()
      .then((answer) => {
        answered?.();
        answerWith(response, answer);
      })
      .catch((error: unknown) => {
        // A write that may have reached the API may have changed what is kept.
        if (!(error instanceof HeldBack)) answered?.();
        const timedOut =
          abort.signal.reason instanceof Error && abort.signal.reason.message === 'timeout';
        answerFailure(response, error, timedOut, details);
      })
      .finally(() => clearTimeout(timer));
  }
}
