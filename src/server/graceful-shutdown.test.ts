// @vitest-environment node
import { Agent, createServer, request as httpRequest, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server as mswServer } from '@/testing/server';
import { gracefulShutdown, type GracefulShutdown } from './graceful-shutdown';

// MSW intercepts Node's http requests and fails unhandled ones: it steps aside meanwhile.
beforeAll(() => mswServer.close());
afterAll(() => mswServer.listen({ onUnhandledFrame: 'error' }));

const started: Server[] = [];
afterEach(async () => {
  for (const server of started.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/**
 * A real server on 127.0.0.1 with the shutdown under test: `/healthz`, and `/held`, answered
 * only when the test says so (`release`); `received` resolves once `/held` has arrived.
 */
async function startServer(graceMs = 5_000) {
  let release = () => {};
  let arrived = () => {};
  const received = new Promise<void>((resolve) => (arrived = resolve));
  const server = createServer((request, response) =>
    shutdown.healthCheck(request, response, () => {
      arrived();
      release = () => response.end('held answer');
    }),
  );
  const shutdown: GracefulShutdown = gracefulShutdown(server, graceMs);
  started.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, shutdown, port, received, release: () => release() };
}

/** A GET on a kept-alive connection, as nginx sends them; resolves with what came back. */
function get(port: number, path: string, agent = new Agent({ keepAlive: true })) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    httpRequest({ host: '127.0.0.1', port, path, agent }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('gracefulShutdown', () => {
  it('answers /healthz with ok while the copy serves', async () => {
    const { port } = await startServer();
    expect(await get(port, '/healthz')).toEqual({ status: 200, body: '{"status":"ok"}' });
    expect(await get(port, '/healthz?probe=1')).toEqual({ status: 200, body: '{"status":"ok"}' });
  });

  it('once told to stop, refuses new connections and still answers the request in flight', async () => {
    const { shutdown, port, received, release } = await startServer();
    const held = get(port, '/held');
    await received;

    const drained = shutdown.drain();
    expect(shutdown.draining).toBe(true);
    await expect(get(port, '/healthz')).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    release();
    expect(await held).toEqual({ status: 200, body: 'held answer' });
    // The held connection was kept alive; the drain closed it once answered, not 5 s later.
    expect(await drained).toMatchObject({ outcome: 'finished' });
    expect((await drained).durationMs).toBeLessThan(1_000);
    expect(shutdown.drain()).toBe(drained);
  });

  it('answers a request that had begun arriving when told to stop, its /healthz saying draining', async () => {
    const { shutdown, port } = await startServer();
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.write('GET /healthz HTTP/1.1\r\nHost: viewer\r\n');
    // Give the server the first line, so the connection counts as busy rather than idle.
    await new Promise((resolve) => setTimeout(resolve, 50));

    const drained = shutdown.drain();
    socket.write('\r\n');
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 503 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).toContain('\r\n{"status":"draining"}\r\n');
    expect(await drained).toMatchObject({ outcome: 'finished' });
  });

  it('closes idle kept-alive connections at once, so a quiet copy stops at once', async () => {
    const { shutdown, port } = await startServer();
    const agent = new Agent({ keepAlive: true });
    await get(port, '/healthz', agent);
    await get(port, '/healthz', agent);
    expect(await shutdown.drain()).toMatchObject({ outcome: 'finished' });
    expect((await shutdown.drain()).durationMs).toBeLessThan(500);
  });

  it('ends a request that never finishes when the grace period is over', async () => {
    const { shutdown, port, received } = await startServer(300);
    const held = get(port, '/held');
    await received;
    const drained = await shutdown.drain();
    expect(drained.outcome).toBe('ended');
    expect(drained.durationMs).toBeGreaterThanOrEqual(290);
    expect(drained.durationMs).toBeLessThan(2_000);
    await expect(held).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});
