/** Same-origin client for the `/api` proxy: fetch, abort, and errors as typed kinds. */
import { accountNotAllowedHref, SIGN_IN_HEADER, signInHref } from '@/config/sign-in-links';
import { parseRetryAfter } from './retry-after';

export type ApiErrorKind =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'timeout'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'invalid-response'
  | 'unexpected-status';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    kind: ApiErrorKind,
    { status, retryAfterSeconds }: { status?: number; retryAfterSeconds?: number } = {},
  ) {
    super(status ? `API ${kind} (${status})` : `API ${kind}`);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function kindForStatus(status: number): ApiErrorKind {
  if (status === 400) return 'bad-request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'unexpected-status';
}

/** Errors worth trying again by themselves: the server or the network, not the request. */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.kind === 'server' || error.kind === 'network' || error.kind === 'timeout')
  );
}

/** How long a request may take before the viewer gives up on it (build-time setting). */
export const REQUEST_TIMEOUT_MS = __REQUEST_TIMEOUT_MS__;

/**
 * How long after this agent's own write its reads ask past the viewer's server's shared reads
 * (`Cache-Control: no-cache`): the write may have gone through another copy of the server, whose
 * change this copy's kept reads (a few seconds old) do not show yet.
 */
export const FRESH_READS_AFTER_WRITE_MS = 15_000;
let freshReadsUntil = 0;

/** GETs `/api/<path>` and returns the parsed JSON body, as `unknown`: the caller's schema decides. */
export const apiGet = (path: string, signal?: AbortSignal, timeoutMs?: number) =>
  apiRequest(path, { signal, timeoutMs });

/**
 * Asks `/api/<path>` and returns the parsed JSON body (null when empty), as `unknown`. A body
 * goes as JSON: the proxy takes writes in no other form.
 */
export async function apiRequest(
  path: string,
  {
    method = 'GET',
    body,
    signal,
    timeoutMs = REQUEST_TIMEOUT_MS,
  }: { method?: string; body?: object; signal?: AbortSignal; timeoutMs?: number | undefined },
): Promise<unknown> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const writing = method !== 'GET';
  const noteWrite = () => {
    if (writing) freshReadsUntil = Date.now() + FRESH_READS_AFTER_WRITE_MS;
  };
  noteWrite();
  const fresh = !writing && Date.now() < freshReadsUntil;
  let response: Response;
  let text: string;
  try {
    response = await fetch(`/api/${path}`, {
      method,
      signal: combined,
      headers: {
        accept: 'application/json',
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(fresh ? { 'cache-control': 'no-cache' } : {}),
      },
      body: body && JSON.stringify(body),
    });
    text = await response.text();
  } catch (cause) {
    noteWrite();
    if (signal?.aborted) throw cause; // a cancellation, not an outage
    throw new ApiError(timeout.aborted ? 'timeout' : 'network');
  }
  noteWrite();
  const refusal = response.headers.get(SIGN_IN_HEADER);
  if (refusal) {
    // The viewer's own refusal, not the API's: sign in and come back to this very address, or
    // learn why this account cannot. The page stays as it is until the browser has left.
    const here = `${location.pathname}${location.search}${location.hash}`;
    location.replace(refusal === 'required' ? signInHref(here) : accountNotAllowedHref(here));
    return new Promise<never>(() => {});
  }
  if (!response.ok) {
    throw new ApiError(kindForStatus(response.status), {
      status: response.status,
      retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
    });
  }
  if (method !== 'GET' && !text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('invalid-response', { status: response.status });
  }
}
