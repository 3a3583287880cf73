/**
 * The viewer's own server in a deployment, behind nginx: the `/api` proxy with its allow-list and
 * the API key (api-proxy.ts, as the dev and preview servers run it), and deep links drawn with
 * their conversation (render-page.ts). nginx serves the static files and hands it `/api/` and
 * `/conversations/<id>`; it serves the plain app for a deep link when this server is down or fails
 * (deploy/nginx.conf.template). Built beside the app into `<outDir>-server/viewer-server.js`,
 * self-contained: `node viewer-server.js` needs no node_modules.
 *
 * It answers `/auth/*` (sign-in, auth/oidc-sign-in.ts) and checks the session of every `/api`
 * call and deep link (auth/access.ts). `/healthz` says whether this copy serves (200) or is
 * stopping (503); on SIGTERM or SIGINT it takes no new connection, lets the requests it has
 * finish, and exits 0 once they have, or once VIEWER_SHUTDOWN_GRACE_MS has ended those left
 * (graceful-shutdown.ts).
 *
 * Reads the settings of server-env.ts: CHATVOLT_API_KEY (required), the sign-in settings or
 * VIEWER_AUTH=off (one of the two is required), CHATVOLT_API_URL, CHATVOLT_API_TIMEOUT_MS;
 * VIEWER_SERVER, where it listens (address:port, default 127.0.0.1:8081: only nginx talks to
 * it); and VIEWER_INDEX_HTML, the app's built index.html. It never logs the key.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { renderConversationPage } from '../entry-server';
import { createApiGate } from './api-gate';
import { createApiProxy } from './api-proxy';
import { writeAuditLine } from './audit-log';
import { createAccess } from './auth/access';
import { gracefulShutdown } from './graceful-shutdown';
import { conversationPageMiddleware } from './render-page';
import { sendJson } from './send-json';
import { readServerEnv, refusalToServe } from './server-env';

function fail(message: string): never {
  console.error(`viewer server: ${message}`);
  process.exit(1);
}

const env = readServerEnv(process.env);
if (!env.apiKey) fail('CHATVOLT_API_KEY is not set, and without it the API cannot be asked');
const refusal = refusalToServe(env);
if (refusal) fail(refusal);

const listen = /^(?:(.+):)?(\d{1,5})$/.exec(process.env.VIEWER_SERVER ?? '127.0.0.1:8081');
if (!listen)
  fail(`VIEWER_SERVER must be a port or address:port, not "${process.env.VIEWER_SERVER}"`);
const [, host = '127.0.0.1', port] = listen;

const indexHtml = process.env.VIEWER_INDEX_HTML ?? '/usr/share/nginx/html/index.html';
let template: string;
try {
  template = readFileSync(indexHtml, 'utf8');
} catch {
  fail(`cannot read the app's index.html at ${indexHtml} (VIEWER_INDEX_HTML)`);
}

const access = createAccess(env, writeAuditLine);
// One door to the API for this copy: its proxy and the pages it draws respect the same limits.
const gate = createApiGate({ maxConcurrent: env.apiMaxConcurrent });
const proxyApi = createApiProxy({ ...env, gate, visitor: access.visitor, audit: writeAuditLine });
const drawPage = conversationPageMiddleware({
  template,
  render: renderConversationPage,
  env,
  visitor: access.visitor,
  audit: writeAuditLine,
  gate,
});
// The health check first: it needs no session and never reaches the API.
const server = createServer((request, response) =>
  shutdown.healthCheck(request, response, () =>
    access.routes(request, response, () =>
      proxyApi(request, response, () =>
        drawPage(request, response, () => sendJson(response, 404, { error: 'Not found' })),
      ),
    ),
  ),
);
const shutdown = gracefulShutdown(server, env.shutdownGraceMs);
server.listen(Number(port), host, () => console.log(`viewer server on http://${host}:${port}`));

function stop(signal: NodeJS.Signals) {
  if (shutdown.draining) return;
  console.log(
    `viewer server: ${signal}: draining, no new connections, ${env.shutdownGraceMs} ms at most`,
  );
  void shutdown.drain().then(({ outcome, durationMs }) => {
    const how =
      outcome === 'finished' ? 'every request finished' : 'the grace period ended the rest';
    console.log(`viewer server: drained in ${durationMs} ms (${how}), exiting`);
    process.exit(0);
  });
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
