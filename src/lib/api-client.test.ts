import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { server } from '@/testing/server';
import {
  ApiError,
  apiGet,
  apiRequest,
  FRESH_READS_AFTER_WRITE_MS,
  isTransient,
  REQUEST_TIMEOUT_MS,
  type ApiErrorKind,
} from './api-client';

type Resolver = Parameters<typeof http.get>[1];
const answerWith = (resolver: Resolver) => server.use(http.get('/api/x', resolver));

/** The ApiError that `apiGet('x')` rejects with. */
async function failureOf(): Promise<ApiError> {
  const error: unknown = await apiGet('x').then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('apiGet', () => {
  it('returns the JSON body of a 200', async () => {
    answerWith(() => HttpResponse.json({ id: 'conv_1', tags: ['vip'] }));
    await expect(apiGet('x')).resolves.toEqual({ id: 'conv_1', tags: ['vip'] });
  });

  it.each<[number, ApiErrorKind]>([
    [400, 'bad-request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [408, 'timeout'],
    [418, 'unexpected-status'],
    [429, 'rate-limited'],
    [500, 'server'],
    [503, 'server'],
    [504, 'timeout'],
  ])('reports a %i as %s', async (status, kind) => {
    answerWith(() => HttpResponse.json({ message: 'no' }, { status }));
    const error = await failureOf();
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it('reads Retry-After given in seconds', async () => {
    answerWith(() => new HttpResponse(null, { status: 429, headers: { 'retry-after': '120' } }));
    expect(await failureOf()).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 120 });
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    answerWith(
      () => new HttpResponse(null, { status: 503, headers: { 'retry-after': inTwoMinutes } }),
    );
    const { retryAfterSeconds } = await failureOf();
    // The date has whole seconds and the clock moves on: allow a couple of seconds either way.
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(117);
    expect(retryAfterSeconds).toBeLessThanOrEqual(120);
  });

  it('reports an HTML page with status 200 as an invalid response', async () => {
    answerWith(() => HttpResponse.html('<!doctype html><title>Gateway</title>'));
    expect(await failureOf()).toMatchObject({ kind: 'invalid-response', status: 200 });
  });

  it('reports an empty 200 as an invalid response', async () => {
    answerWith(() => new HttpResponse(null, { status: 200 }));
    expect((await failureOf()).kind).toBe('invalid-response');
  });

  it('reports a failed connection as a network error', async () => {
    answerWith(() => HttpResponse.error());
    expect((await failureOf()).kind).toBe('network');
  });

  it('gives up after the timeout and says so', async () => {
    answerWith(async () => {
      await delay('infinite');
      return HttpResponse.json({});
    });
    const error: unknown = await apiGet('x', undefined, 50).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('timeout');
  });

  it('defaults the timeout to 20 seconds, past the proxy’s 15', () => {
    expect(REQUEST_TIMEOUT_MS).toBe(20_000);
  });

  it('lets a cancellation through as an abort, not an ApiError', async () => {
    answerWith(() => HttpResponse.json({}));
    const controller = new AbortController();
    controller.abort();
    const error: unknown = await apiGet('x', controller.signal).catch((reason: unknown) => reason);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });
});

/**
 * The browser's address, as a stand-in whose `replace` records where the page was sent: jsdom
 * does not navigate to another document, and its own `location` cannot be spied on.
 */
function stubLocation(href: string) {
  const url = new URL(href);
  const replace = vi.fn<(to: string) => void>();
  vi.stubGlobal('location', {
    href: url.href,
    origin: url.origin,
    pathname: url.pathname,
    search: url.search,
    hash: url.hash,
    replace,
  });
  return replace;
}

/** Whether a promise has settled after the answer was read and the next task has run. */
async function isPending(promise: Promise<unknown>): Promise<boolean> {
  const pending = Symbol('pending');
  await new Promise((resolve) => setTimeout(resolve, 0));
  const first = await Promise.race([
    promise.then(
      () => 'resolved',
      () => 'rejected',
    ),
    Promise.resolve(pending),
  ]);
  return first === pending;
}

describe('apiGet when the viewer’s server refuses', () => {
  afterEach(() => vi.unstubAllGlobals());

  const refuseWith = (status: number, refusal: string) =>
    answerWith(
      () =>
        new HttpResponse(JSON.stringify({ message: 'no' }), {
          status,
          headers: { 'content-type': 'application/json', 'x-viewer-sign-in': refusal },
        }),
    );

  it('sends the browser to sign in and back to this address, and never settles', async () => {
    const replace = stubLocation('http://localhost:3000/conversations/conv_1?tab=crm#msg-4');
    refuseWith(401, 'required');
    const request = apiGet('x');

    await vi.waitFor(() => expect(replace).toHaveBeenCalledOnce());
    expect(replace).toHaveBeenCalledWith(
      '/auth/login?returnTo=%2Fconversations%2Fconv_1%3Ftab%3Dcrm%23msg-4',
    );
    // No error for the page to show while the browser leaves.
    expect(await isPending(request)).toBe(true);
  });

  it('sends an account the viewer does not let in to the page that says why', async () => {
    const replace = stubLocation('http://localhost:3000/conversations?status=open');
    refuseWith(403, 'account-not-allowed');
    const request = apiGet('x');

    await vi.waitFor(() => expect(replace).toHaveBeenCalledOnce());
    expect(replace).toHaveBeenCalledWith(
      '/account-not-allowed?returnTo=%2Fconversations%3Fstatus%3Dopen',
    );
    expect(await isPending(request)).toBe(true);
  });

  it.each([401, 403])(
    'reports the API’s own %i, without the header, as an error and stays on the page',
    async (status) => {
      const replace = stubLocation('http://localhost:3000/conversations/conv_1');
      answerWith(() => HttpResponse.json({ message: 'no' }, { status }));
      expect(await failureOf()).toMatchObject({
        kind: status === 401 ? 'unauthorized' : 'forbidden',
        status,
      });
      expect(replace).not.toHaveBeenCalled();
    },
  );
});

describe('isTransient', () => {
  it.each<[ApiErrorKind, boolean]>([
    ['server', true],
    ['network', true],
    ['timeout', true],
    ['rate-limited', false],
    ['not-found', false],
    ['unauthorized', false],
    ['invalid-response', false],
  ])('treats %s as transient: %s', (kind, expected) => {
    expect(isTransient(new ApiError(kind))).toBe(expected);
  });

  it('does not treat other errors as transient', () => {
    expect(isTransient(new Error('server'))).toBe(false);
  });
});

describe('reads after the agent’s own write', () => {
  afterEach(() => vi.useRealTimers());

  it('ask past the viewer’s shared reads for a while, then no longer', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const asked: (string | null)[] = [];
    server.use(
      http.get('/api/x', ({ request }) => {
        asked.push(request.headers.get('cache-control'));
        return HttpResponse.json({});
      }),
      http.post('/api/w', () => HttpResponse.json({ success: true })),
    );
    await apiGet('x');
    await apiRequest('w', { method: 'POST', body: {} });
    await apiGet('x');
    vi.advanceTimersByTime(FRESH_READS_AFTER_WRITE_MS - 1);
    await apiGet('x');
    vi.advanceTimersByTime(1);
    await apiGet('x');
    expect(asked).toEqual([null, 'no-cache', 'no-cache', null]);
  });
});
