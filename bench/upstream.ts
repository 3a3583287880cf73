/**
 * Bench-only stand-in for the Chatvolt API (child process of the bench): serves the demo
 * fixtures (their CRM histories too), the 5 MB `conv_huge`, any `echo:<x>` id as a small
 * conversation, and a list of 15,000 to page through (each of them readable too), so the live build can be measured on the
 * same data as demo mode; takes the writes and messages sent as the contract answers them.
 * `GET /__health` answers when it is up; `POST /__customer-message/{id}` makes that
 * conversation's customer write (the body is the text); `GET /__calls` counts the calls it
 * answered since `POST /__calls` (which starts the count again), by kind; `POST /__conversations`
 * adds a conversation (the body, as JSON) to the list.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { registerHooks } from 'node:module';

// The fixtures import each other without extensions (the bundler resolves them); Node does not,
// so relative extensionless specifiers are retried with `.ts`.
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (/^\.\.?\//.test(specifier) && !/\.[cm]?[jt]sx?$/.test(specifier)) {
      try {
        return nextResolve(`${specifier}.ts`, context);
      } catch {
        // not a TS module: let Node report the original specifier
      }
    }
    return nextResolve(specifier, context);
  },
});

const { crmHistoryResponse } = await import('../src/mocks/fixtures/crm-history.ts');
const { demoConversations } = await import('../src/mocks/fixtures/demo-conversations.ts');
const { exampleConversation } = await import('../src/mocks/fixtures/example-conversation.ts');
const { HUGE_CONVERSATION_ID, hugeConversation } =
  await import('../src/mocks/fixtures/huge-conversation.ts');
const { demoTranscript, transcriptResponse } = await import('../src/mocks/fixtures/transcripts.ts');
const { generatedConversations } = await import('../src/mocks/fixtures/generated-conversations.ts');
const { answerList } = await import('../src/mocks/list-endpoint.ts');
const { createConversationWrites } = await import('../src/mocks/conversation-writes.ts');

/**
 * The organization the list pages through: 15,000 conversations, a fifth of them open, so the
 * open queue is 3,000 (750 needing a human, 2,250 unresolved): 31 pages of at most 100.
 */
type Conversation = { id: string } & Record<string, unknown>;
let organization: Conversation[] = generatedConversations(15_000);
/**
 * The same conversations by id, for their reads: a list item is the conversation itself, so a
 * customer's message moves it on the lists as the platform does.
 */
const organizationById = new Map(
  organization.map((conversation) => [conversation.id, conversation]),
);

const port = Number(process.env.STUB_PORT ?? 4311);
/** How long a write takes to be answered: the agent's change must show before it is. */
const WRITE_DELAY_MS = 150;
const writes = createConversationWrites({
  organizationId: 'org_bench',
  members: [],
  keyOwner: { id: 'user_owner', email: 'owner@bench.test' },
  messagesOf: (conversation) => demoTranscript(conversation as { id: string }),
});
/** Serialised once: the bench loads it several times and only the browser's cost is measured. */
const hugeJson = JSON.stringify(hugeConversation());

/** Calls `then` with the request's whole body, as text. */
function whenRead(request: IncomingMessage, then: (body: string) => void) {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => then(body));
}

function send(response: ServerResponse, status: number, body: string) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(body);
}

/** The demo or listed conversation of that id; any `echo:<x>` is the documented example under a
 * new id, so 200 visits are 200 distinct, realistic (small) conversations. */
function conversationOf(id: string): Conversation | undefined {
  const known = (demoConversations[id] as Conversation | undefined) ?? organizationById.get(id);
  if (known) return known;
  if (id.startsWith('echo:')) return { ...exampleConversation, id, title: `Echo ${id}` };
  return undefined;
}

function answer(id: string, response: ServerResponse) {
  if (id === HUGE_CONVERSATION_ID) return send(response, 200, hugeJson);
  const conversation = conversationOf(id);
  if (conversation) return send(response, 200, JSON.stringify(conversation));
  send(response, 404, JSON.stringify({ message: 'Conversation not found' }));
}

/** The conversation's demo transcript, as the app's first page and "load earlier" ask for it. */
function answerMessages(id: string, count: number, response: ServerResponse) {
  const conversation = id === HUGE_CONVERSATION_ID ? { id } : conversationOf(id);
  if (!conversation) return send(response, 404, JSON.stringify({ message: 'Not found' }));
  const messages = writes.messagesOf(conversation);
  send(response, 200, JSON.stringify(transcriptResponse(conversation, count, messages)));
}

/** The calls answered, by kind: what a team of agents costs the API. */
const calls = { list: 0, messages: 0, conversation: 0, other: 0 };
const kindOf = (path: string): keyof typeof calls =>
  path === '/conversation'
    ? 'list'
    : /^\/conversation\/[^/]+\/messages\//.test(path)
      ? 'messages'
      : /^\/conversation\/[^/]+$/.test(path)
        ? 'conversation'
        : 'other';

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://upstream');
  if (url.pathname === '/__health') return send(response, 200, '{"ok":true}');
  if (url.pathname === '/__conversations' && request.method === 'POST') {
    // A new list, not an edit: the list endpoint keeps each list's order once it has sorted it.
    return whenRead(request, (body) => {
      const added = JSON.parse(body) as Conversation;
      organization = [added, ...organization];
      organizationById.set(added.id, added);
      send(response, 201, body);
    });
  }
  if (url.pathname === '/__calls') {
    if (request.method === 'POST')
      for (const kind of Object.keys(calls)) calls[kind as keyof typeof calls] = 0;
    return send(response, 200, JSON.stringify(calls));
  }
  if (!url.pathname.startsWith('/__')) calls[kindOf(url.pathname)] += 1;
  if (url.pathname === '/conversation') {
    const { status, body } = answerList(organization, url.searchParams);
    return send(response, status, JSON.stringify(body));
  }
  if (url.pathname === '/crm/conversationLog') {
    const { status, body } = crmHistoryResponse(url.searchParams);
    return send(response, status, JSON.stringify(body));
  }
  const customer = /^\/__customer-message\/([^/]+)$/.exec(url.pathname)?.[1];
  if (customer && request.method === 'POST') {
    const id = decodeURIComponent(customer);
    return whenRead(request, (text) =>
      send(
        response,
        200,
        JSON.stringify(writes.customerWrites(conversationOf(id) ?? { id }, text)),
      ),
    );
  }
  const [, writeId, action] =
    /^\/conversations\/([^/]+)\/([a-z-]+)$/.exec(url.pathname) ??
    /^\/conversation\/message\/conversationId\/([^/]+)$/.exec(url.pathname) ??
    [];
  if (writeId && request.method === 'POST') {
    return whenRead(request, (body) =>
      setTimeout(() => {
        const id = decodeURIComponent(writeId);
        const answer = writes.write(
          id === HUGE_CONVERSATION_ID ? { id } : conversationOf(id),
          action ?? 'message',
          body ? (JSON.parse(body) as unknown) : undefined,
        );
        send(response, answer.status, JSON.stringify(answer.body));
      }, WRITE_DELAY_MS),
    );
  }
  const messages = /^\/conversation\/([^/]+)\/messages\/(\d+)$/.exec(url.pathname);
  if (messages)
    return answerMessages(decodeURIComponent(messages[1]!), Number(messages[2]), response);
  const segment = /^\/conversation\/([^/]+)$/.exec(url.pathname)?.[1];
  if (!segment) return send(response, 404, '{"message":"no such path"}');
  answer(decodeURIComponent(segment), response);
});

server.listen(port, '127.0.0.1', () => console.log(`bench upstream on http://127.0.0.1:${port}`));
// A safety net: never outlive a crashed bench by more than an hour.
setTimeout(() => process.exit(0), 60 * 60 * 1000).unref();
