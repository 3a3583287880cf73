/**
 * A stand-in for the Chatvolt API on 127.0.0.1, for the live end-to-end run. It records what
 * reaches it (method, path, Authorization) and answers a few conversations; `GET /__received`
 * tells the test what arrived. It stops by itself after an hour at the latest.
 */
import { createServer } from 'node:http';

const port = Number(process.env.STUB_PORT ?? 8790);
const received: {
  method: string;
  path: string;
  authorization: string | null;
  cookie: string | null;
}[] = [];

const liveConversation = {
  id: 'conv_live_1',
  title: 'Live conversation from the stub',
  status: 'HUMAN_REQUESTED',
  priority: 'HIGH',
  frustration: 81,
  channel: 'whatsapp',
  isAiEnabled: false,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-24T10:00:00.000Z',
  participantsContacts: [
    { firstName: 'Lívia', email: 'livia@example.com', phoneNumber: '+5521987654321' },
  ],
  assignees: [],
  tags: [{ tag: 'live' }],
};

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://stub');
  if (url.pathname === '/__received') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(received));
    return;
  }
  received.push({
    method: request.method ?? '',
    path: url.pathname + url.search,
    authorization: request.headers.authorization ?? null,
    cookie: request.headers.cookie ?? null,
  });
  const json = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  if (url.pathname === '/conversation/conv_live_1') return json(200, liveConversation);
  if (url.pathname === '/conversation/conv_live_500') return json(500, { error: 'boom' });
  if (url.pathname === '/conversation/conv_live_gateway') {
    response.writeHead(200, { 'content-type': 'text/html' });
    return response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
  }
  json(404, { message: 'Conversation not found' });
});

server.listen(port, '127.0.0.1', () => console.log(`stub upstream on http://127.0.0.1:${port}`));
setTimeout(() => process.exit(0), 60 * 60 * 1000).unref();
