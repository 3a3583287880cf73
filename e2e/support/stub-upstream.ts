/**
 * A stand-in for the Chatvolt API on 127.0.0.1, for the live end-to-end run. It records what
 * reaches it (method, path, Authorization, Cookie, Content-Type, Origin, body) and answers a few
 * conversations, one transcript, the demo CRM histories, the writes and messages sent to the
 * write tests' own conversations (`act_…`), every failure the viewer must survive and a slow
 * answer (`slow_…`, after 1.5 s); `GET /__received` tells the test what arrived, and `POST
 * /__customer-message/{id}` makes that conversation's customer write (the body is the text). It
 * stops by itself after an hour at the latest.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  actConversation,
  actOpeningMessages,
  CLOSED_WINDOW_HOURS,
  actKeyOwner,
  actMembers,
  listItems,
  liveConversation,
  liveMessagesAnswer,
} from './stub-fixtures.ts';
import type { Received } from './upstream-record.ts';
import { createConversationWrites } from '../../src/mocks/conversation-writes.ts';
import { crmHistoryResponse } from '../../src/mocks/fixtures/crm-history.ts';
import { answerList } from '../../src/mocks/list-endpoint.ts';
import { hostileConversation } from '../../src/mocks/fixtures/hostile-conversation.ts';
import {
  HUGE_CONVERSATION_ID,
  hugeConversation,
} from '../../src/mocks/fixtures/huge-conversation.ts';

const port = Number(process.env.STUB_PORT ?? 8790);
const received: Received[] = [];

/**
 * The write tests' conversations, each made on first touch and kept in its current state; one
 * whose id starts `act_closed_` opened 30 hours ago, its reply window closed since.
 */
const actConversations = new Map<string, Record<string, unknown>>();
function actConversationOf(id: string) {
  if (!id.startsWith('act_')) return undefined;
  let conversation = actConversations.get(id);
  if (!conversation) {
    const hoursAgo = id.startsWith('act_closed_') ? CLOSED_WINDOW_HOURS : 0;
    conversation = actConversation(id, new Date(Date.now() - hoursAgo * 3_600_000).toISOString());
    actConversations.set(id, conversation);
  }
  return conversation;
}

const writes = createConversationWrites({
  organizationId: 'org_stub',
  members: actMembers,
  keyOwner: actKeyOwner,
  messagesOf: (conversation) =>
    actOpeningMessages(conversation as Parameters<typeof actOpeningMessages>[0]),
});

/** conv_live_1's `count` latest messages, an act_ conversation's, newest first; echo ids have none, other ids are unknown. */
function answerMessages(id: string, count: number, response: ServerResponse) {
  if (id === 'conv_live_1') {
    return send(response, 200, JSON.stringify(liveMessagesAnswer(count)));
  }
  const act = actConversationOf(id);
  if (act) {
    const messages = writes.messagesOf(act).slice(-count).toReversed();
    return send(response, 200, JSON.stringify({ status: act.status, messages }));
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
  const act = actConversationOf(id);
  if (act) return send(response, 200, JSON.stringify(act));
  if (id === 'conv_live_1') return send(response, 200, JSON.stringify(liveConversation));
  if (id === 'conv_hostile') return send(response, 200, JSON.stringify(hostileConversation));
  if (id === HUGE_CONVERSATION_ID)
    return send(response, 200, (hugeJson ??= JSON.stringify(hugeConversation())));
  const status = /^status_(\d{3})$/.exec(id)?.[1];
  if (status === '429') return send(response, 429, '{"error":"slow down"}', { 'retry-after': '3' });
  if (status) return send(response, Number(status), JSON.stringify({ error: `status ${status}` }));
  if (id === 'forbidden_text')
    return send(response, 403, 'Forbidden', { 'content-type': 'text/plain' });
  if (id === 'gateway_html')
    return send(response, 200, '<html><body><h1>502 Bad Gateway</h1></body></html>', {
      'content-type': 'text/html',
    });
  if (id === 'empty_body') return send(response, 200, '');
  if (id === 'json_array') return send(response, 200, '[{"id":"conv_live_1"}]');
  if (id === 'json_string') return send(response, 200, '"conv_live_1"');
  if (id === 'never_answers') return; // the proxy's timeout must end it
  // Answered after 1.5 s: a request in flight while a copy of the viewer's server is told to stop.
  if (id.startsWith('slow_')) {
    return void setTimeout(
      () => send(response, 200, JSON.stringify({ id, title: `Slow ${id}` })),
      1_500,
    );
  }
  // Any other id is echoed back as the title, to show which id arrived (`echo_` keeps it plain).
  if (/^echo[:_]/.test(id)) return send(response, 200, JSON.stringify({ id, title: `Echo ${id}` }));
  send(response, 404, JSON.stringify({ message: 'Conversation not found' }));
}

/**
 * `POST /conversations/{id}/<action>` (and the send, as `message`) as the contract answers it, to
 * an `act_` conversation; its id may ask for a failure instead (`act_fail403_…`, `act_fail404_…`,
 * `act_fail500_…`), for no answer at all (`act_hang_…`), or for a message taken and then its
 * answer lost: the connection dropped (`act_drop_…`). Any other id is unknown.
 */
function answerWrite(id: string, action: string, rawBody: string, response: ServerResponse) {
  const failure = /^act_fail(\d{3})_/.exec(id)?.[1];
  if (failure)
    return send(response, Number(failure), JSON.stringify({ error: `status ${failure}` }));
  if (id.startsWith('act_hang_')) return; // the proxy's timeout must end it
  let body: unknown;
  try {
    body = rawBody ? JSON.parse(rawBody) : undefined;
  } catch {
    return send(response, 400, JSON.stringify({ error: 'INVALID_REQUEST', details: 'not JSON' }));
  }
  const { status, body: answerBody } = writes.write(actConversationOf(id), action, body);
  if (id.startsWith('act_drop_')) return void response.socket?.destroy();
  send(response, status, JSON.stringify(answerBody));
}

function route(request: IncomingMessage, response: ServerResponse, rawBody: string) {
  const url = new URL(request.url ?? '/', 'http://stub');
  if (url.pathname === '/__received') return send(response, 200, JSON.stringify(received));
  const customer = /^\/__customer-message\/([^/]+)$/.exec(url.pathname)?.[1];
  const customersConversation = customer && actConversationOf(decodeURIComponent(customer));
  if (customersConversation) {
    const message = writes.customerWrites(customersConversation, rawBody);
    return send(response, 200, JSON.stringify(message));
  }
  received.push({
    method: request.method ?? '',
    path: url.pathname + url.search,
    authorization: request.headers.authorization ?? null,
    cookie: request.headers.cookie ?? null,
    contentType: request.headers['content-type'] ?? null,
    origin: request.headers.origin ?? null,
    body: rawBody || null,
  });
  if (url.pathname === '/conversation') {
    const all = [...listItems, ...actConversations.values()];
    const { status, body } = answerList(all, url.searchParams);
    return send(response, status, JSON.stringify(body));
  }
  const [, writeId, action] = /^\/conversations\/([^/]+)\/([^/]+)$/.exec(url.pathname) ?? [];
  if (writeId && action) {
    const id = decodeURIComponent(writeId);
    if (request.method === 'POST') return answerWrite(id, action, rawBody, response);
    if (request.method === 'GET' && action === 'notes') {
      // The read-only conversations have no notes; the act_ ones keep theirs.
      const readOnly = id === 'conv_live_1' || id === 'conv_hostile' || /^echo[:_]/.test(id);
      const { status, body } = writes.readNotes(
        actConversationOf(id) ?? (readOnly ? { id } : undefined),
      );
      return send(response, status, JSON.stringify(body));
    }
  }
  const sendTo = /^\/conversation\/message\/conversationId\/([^/]+)$/.exec(url.pathname)?.[1];
  if (sendTo && request.method === 'POST') {
    return answerWrite(decodeURIComponent(sendTo), 'message', rawBody, response);
  }
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
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => route(request, response, Buffer.concat(chunks).toString('utf8')));
});

server.listen(port, '127.0.0.1', () => console.log(`stub upstream on http://127.0.0.1:${port}`));
setTimeout(() => process.exit(0), 60 * 60 * 1000).unref();
