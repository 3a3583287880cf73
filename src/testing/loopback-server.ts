import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { server as mswServer } from './server';

/**
 * A real HTTP server on 127.0.0.1 for the file's tests; returns its base URL once listening.
 * MSW intercepts Node's fetch and fails unhandled requests: it steps aside meanwhile.
 */
export function loopbackServerForTests(listener: RequestListener): { readonly url: string } {
  const httpServer = createServer(listener);
  const base = { url: '' };
  beforeAll(async () => {
    mswServer.close();
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    base.url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => httpServer.close(resolve));
    mswServer.listen({ onUnhandledFrame: 'error' });
  });
  return base;
}
