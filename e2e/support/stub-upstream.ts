/**
 * A stand-in for the Chatvolt API on 127.0.0.1, for the live end-to-end run. It records what
 * reaches it (method, path, Authorization, Cookie) and answers a few conversations, one transcript,
 * the demo CRM histories and every failure the viewer must survive; `GET /__received` tells the
 * test what arrived. It stops by itself after an hour at the latest.
 */
import { createServer, type ServerResponse } from 'node:http';
import { crmHistoryResponse } from '../../src/mocks/fixtures/crm-history.ts';
import { hostileConversation } from '../../src/mocks/fixtures/hostile-conversation.ts';
import {
  HUGE_CONVERSATION_ID,
  hugeConversation,
} from '../../src/mocks/fixtures/huge-conversation.ts';

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

/** The list endpoint's items, in its documented (thinner) shape: assignees as `{ id, email }`. */
const listItems = [
  { ...liveConversation, assignees: [{ id: 'user_1', email: 'agent1@example.com' }] },
  {
    id: 'conv_live_2',
    title: 'Second live conversation',
    status: 'RESOLVED',
    priority: 'LOW',
    updatedAt: '2026-11-23T10:00:00.000Z',
  },
  'not a conversation',
];

/** conv_live_1's transcript, oldest first: 60 messages, so a second page exists. */
const liveMessages = Array.from({ length: 60 }, (_, index) => {
  const createdAt = new Date(Date.parse('2026-11-20T10:00:00.000Z') + index * 60_000).toISOString();
  const id = `live_msg_${index + 1}`;
  if (index === 0) return { id, from: 'human', text: 'First live message', createdAt };
  if (index === 59)
    return {
      id,
      from: 'agent',
      userId: 'user_1',
      text: 'Newest live message, see https://example.com/help.',
      createdAt,
    };
  return index % 2
    ? { id, from: 'agent', agentId: 'agent_1', text: `AI answer ${index + 1}`, createdAt }
    : { id, from: 'human', text: `Contact message ${index + 1}`, createdAt };
});

/** The `count` latest messages, newest first; echo ids have none, other ids are unknown. */
function answerMessages(id: string, count: number, response: ServerResponse) {
  if (id === 'conv_live_1') {
    const messages = liveMessages.slice(Math.max(0, liveMessages.length - count)).toReversed();
    return send(response, 200, JSON.stringify({ status: 'HUMAN_REQUESTED', messages }));
  }
  if (/^echo[:_]/.test(id)) return send(response, 200, JSON.stringify({ messages: [] }));
  send(response, 404, JSON.stringify({ message: 'Conversation not found' }));
}

/** The 5 MB conversation, serialised on first use. */
let hugeJson: string | undefined;

function send(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body);
}

/** Answers by conversation id: a few conversations, and one id per failure. */
function answer(id: string, response: ServerResponse) {
  if (id === 'conv_live_1') return send(response, 200, JSON.stringify(liveConversation));
  if (id === 'conv_hostile') return send(response, 200, JSON.stringify(hostileConversation));
  if (id === HUGE_CONVERSATION_ID)
    return send(response, 200, (hugeJson ??= JSON.stringify(hugeConversation())));
  const status = /^status_(\d{3})$/.exec(id)?.[1];
  if (status === '429') return send(response, 429, '{"error":"slow down"}', { 'retry-after': '3' });
  if (status) return send(response, Number(status), JSON.stringify({ error: `status ${status}` }));
  if (id === 'gateway_html')
    return send(response, 200, '<html><body><h1>502 Bad Gateway</h1></body></html>', {
      'content-type': 'text/html',
    });
  if (id === 'empty_body') return send(response, 200, '');
  if (id === 'json_array') return send(response, 200, '[{"id":"conv_live_1"}]');
  if (id === 'json_string') return send(response, 200, '"conv_live_1"');
  if (id === 'never_answers') return; // the proxy's timeout must end it
  // Any other id is echoed back as the title, to show which id arrived (`echo_` keeps it plain).
  if (/^echo[:_]/.test(id)) return send(response, 200, JSON.stringify({ id, title: `Echo ${id}` }));
  send(response, 404, JSON.stringify({ message: 'Conversation not found' }));
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://stub');
  if (url.pathname === '/__received') return send(response, 200, JSON.stringify(received));
  received.push({
    method: request.method ?? '',
    path: url.pathname + url.search,
    authorization: request.headers.authorization ?? null,
    cookie: request.headers.cookie ?? null,
  });
  if (url.pathname === '/conversation') return send(response, 200, JSON.stringify(listItems));
  if (url.pathname === '/crm/conversationLog') {
    const { status, body } = crmHistoryResponse(url.searchParams);
    return send(response, status, JSON.stringify(body));
  }
  const messages = /^\/conversation\/([^/]+)\/messages\/(\d+)$/.exec(url.pathname);
  if (messages)
    return answerMessages(decodeURIComponent(messages[1]!), Number(messages[2]), response);
  const segment = /^\/conversation\/([^/]+)$/.exec(url.pathname)?.[1];
  if (!segment) return send(response, 404, '{"message":"no such path"}');
  answer(decodeURIComponent(segment), response);
});

server.listen(port, '127.0.0.1', () => console.log(`stub upstream on http://127.0.0.1:${port}`));
setTimeout(() => process.exit(0), 60 * 60 * 1000).unref();
