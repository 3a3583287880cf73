// @vitest-environment node
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isFromViewerPage, viewerOrigin } from './request-origin';

/** A request as node:http hands it over: header names in lower case. */
const requestWith = (headers: Record<string, string>, socket: object = {}) =>
  ({ headers, socket }) as unknown as IncomingMessage;

describe('the viewer’s origin', () => {
  it('is VIEWER_PUBLIC_URL when set, whatever the request says', () => {
    const request = requestWith({ host: 'internal:8080', 'x-forwarded-proto': 'http' });

    expect(viewerOrigin(request, 'https://viewer.example.com')).toBe('https://viewer.example.com');
  });

  it('is the request’s Host on http otherwise', () => {
    expect(viewerOrigin(requestWith({ host: 'viewer.test:8080' }), undefined)).toBe(
      'http://viewer.test:8080',
    );
  });

  it('is on https when the proxy in front says so with X-Forwarded-Proto', () => {
    const request = requestWith({ host: 'viewer.test', 'x-forwarded-proto': 'https' });

    expect(viewerOrigin(request, undefined)).toBe('https://viewer.test');
  });

  it('takes the first of several X-Forwarded-Proto values', () => {
    const https = requestWith({ host: 'viewer.test', 'x-forwarded-proto': 'https, http' });
    const http = requestWith({ host: 'viewer.test', 'x-forwarded-proto': 'http, https' });

    expect(viewerOrigin(https, undefined)).toBe('https://viewer.test');
    expect(viewerOrigin(http, undefined)).toBe('http://viewer.test');
  });

  it('is on https when the connection itself is encrypted', () => {
    const request = requestWith({ host: 'viewer.test' }, { encrypted: true });

    expect(viewerOrigin(request, undefined)).toBe('https://viewer.test');
  });
});

describe('requests from the viewer’s own pages', () => {
  const origin = 'https://viewer.test';

  it('come with the viewer’s Origin, with or without Sec-Fetch-Site same-origin', () => {
    expect(isFromViewerPage(requestWith({ origin }), origin)).toBe(true);
    expect(isFromViewerPage(requestWith({ origin, 'sec-fetch-site': 'same-origin' }), origin)).toBe(
      true,
    );
  });

  it.each([
    ['another origin', { origin: 'https://evil.test' }],
    ['the viewer’s host on another scheme', { origin: 'http://viewer.test' }],
    ['no Origin', {}],
    ['the null origin', { origin: 'null' }],
    ['Sec-Fetch-Site cross-site', { origin, 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site', { origin, 'sec-fetch-site': 'same-site' }],
  ])('do not include one with %s', (_, headers: Record<string, string>) => {
    expect(isFromViewerPage(requestWith(headers), origin)).toBe(false);
  });
});
