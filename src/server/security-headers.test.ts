// @vitest-environment node
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './security-headers';

let devServer: ViteDevServer;
let origin: string;

/** A GET through node:http (the test setup's MSW would intercept fetch). */
function get(
  path: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    request(`${origin}${path}`, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    })
      .on('error', reject)
      .end();
  });
}

beforeAll(async () => {
  devServer = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  await devServer.listen();
  const { port } = devServer.httpServer!.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
});

afterAll(() => devServer.close());

describe('the dev server', () => {
  it('sends the security headers with a deep link, and the page has no inline script', async () => {
    const page = await get('/conversations/conv_abc123');
    expect(page.status).toBe(200);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-frame-options']).toBe('DENY');
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(page.body).toContain('<div id="root">');
    expect(page.body.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
  });

  it('serves the React refresh preamble as a script file', async () => {
    await get('/');
    const preamble = await get('/@dev-preamble.js');
    expect(preamble.status).toBe(200);
    expect(preamble.body).toContain('injectIntoGlobalHook');
  });
});

describe('the production policy', () => {
  it('allows no inline script or style and no framing', () => {
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).toContain("base-uri 'none'");
  });
});
