/**
 * The page server of a deployment: nginx hands it `/conversations/<id>`, and it answers the page
 * drawn with its conversation (render-page.ts), as `vite preview` does; nginx serves the plain app
 * when it is down or fails (deploy/nginx.conf.template). Built beside the app into
 * `<outDir>-server/page-server.js`, self-contained: `node page-server.js` needs no node_modules.
 *
 * Reads CHATVOLT_API_KEY (required), CHATVOLT_API_URL and CHATVOLT_API_TIMEOUT_MS, as the proxy
 * does; PAGE_SERVER, where it listens (address:port, default 127.0.0.1:8081: only nginx talks to
 * it); and VIEWER_INDEX_HTML, the app's built index.html. It never logs the key.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { renderConversationPage } from '../entry-server';
import { conversationPageMiddleware } from './render-page';
import { readServerEnv } from './server-env';

function fail(message: string): never {
  console.error(`page server: ${message}`);
  process.exit(1);
}

const env = readServerEnv(process.env);
if (!env.apiKey) fail('CHATVOLT_API_KEY is not set, and without it no page can be drawn');

const listen = /^(?:(.+):)?(\d{1,5})$/.exec(process.env.PAGE_SERVER ?? '127.0.0.1:8081');
if (!listen) fail(`PAGE_SERVER must be a port or address:port, not "${process.env.PAGE_SERVER}"`);
const [, host = '127.0.0.1', port] = listen;

const indexHtml = process.env.VIEWER_INDEX_HTML ?? '/usr/share/nginx/html/index.html';
let template: string;
try {
  template = readFileSync(indexHtml, 'utf8');
} catch {
  fail(`cannot read the app's index.html at ${indexHtml} (VIEWER_INDEX_HTML)`);
}

const drawPage = conversationPageMiddleware({ template, render: renderConversationPage, env });
createServer((request, response) =>
  drawPage(request, response, () => {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not a page this server draws\n');
  }),
).listen(Number(port), host, () => console.log(`page server on http://${host}:${port}`));
