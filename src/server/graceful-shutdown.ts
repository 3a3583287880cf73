/**
 * Stopping a copy of the viewer's server cleanly, and `/healthz`, which says whether it serves:
 * told to stop, it takes no new connection, lets the requests it has finish, and ends those still
 * open when the grace period is over. Meanwhile its health check answers 503.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { sendJson } from './send-json.ts';

export const HEALTH_CHECK_PATH = '/healthz';

/** How a drain ended: every request finished, or the grace period ended those left. */
export interface Drained {
  outcome: 'finished' | 'ended';
  durationMs: number;
}

export interface GracefulShutdown {
  /** True from the moment the copy is told to stop. */
  readonly draining: boolean;
  /** Stops the copy; called again, it returns the same drain. */
  drain(): Promise<Drained>;
  /**
   * Answers `/healthz`: 200 `{"status":"ok"}` while serving, 503 `{"status":"draining"}` once
   * told to stop. Needs no session, asks nothing of the API, tells nothing of the settings.
   */
  healthCheck(request: IncomingMessage, response: ServerResponse, next: () => void): void;
}

export function gracefulShutdown(server: Server, graceMs: number): GracefulShutdown {
  let drained: Promise<Drained> | undefined;

  // While draining, a connection is closed as soon as its request is answered: else an idle
  // keep-alive connection (nginx keeps some) would hold close() open until it times out.
  server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) => {
    if (drained) response.shouldKeepAlive = false;
    response.on('finish', () => {
      if (drained) setImmediate(() => server.closeIdleConnections());
    });
  });

  return {
    get draining() {
      return drained !== undefined;
    },
    drain() {
      drained ??= new Promise((resolve) => {
        const started = performance.now();
        let outcome: Drained['outcome'] = 'finished';
        const grace = setTimeout(() => {
          outcome = 'ended';
          server.closeAllConnections();
        }, graceMs);
        server.close(() => {
          clearTimeout(grace);
          resolve({ outcome, durationMs: Math.round(performance.now() - started) });
        });
        server.closeIdleConnections();
      });
      return drained;
    },
    healthCheck(request, response, next) {
      if ((request.url ?? '/').split('?')[0] !== HEALTH_CHECK_PATH) return next();
      if (drained) return sendJson(response, 503, { status: 'draining' });
      sendJson(response, 200, { status: 'ok' });
    },
  };
}
