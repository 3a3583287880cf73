/** One set of API handlers for the demo worker, Vitest and the demo end-to-end run. */
import { http, HttpResponse } from 'msw';
import { authPaths, type SessionAnswer } from '@/config/auth-paths';
import { writeOfPath } from '@/config/conversation-writes';
import { apiBody, changesAField } from '@/server/conversation-write';
import { createConversationWrites, type Member, type SeedNote } from './conversation-writes';
import { crmHistoryResponse } from './fixtures/crm-history';
import { demoConversations } from './fixtures/demo-conversations';
import { generatedConversations } from './fixtures/generated-conversations';
import { HUGE_CONVERSATION_ID, hugeConversation } from './fixtures/huge-conversation';
import { demoTranscript, transcriptResponse } from './fixtures/transcripts';
import { answerList } from './list-endpoint';

type WireConversation = Record<string, unknown>;

let fixtures: WireConversation[] | undefined;
/** The demo's writes so far: changed copies by id, as the fixtures are shared and never edited. */
const changed = new Map<string, WireConversation>();
let listed: WireConversation[] | undefined;
/** Conversations that came in while the demo ran (see moveTheQueue). */
let arrived: WireConversation[] = [];

/** The demo fixtures and 5,990 generated conversations as changed: 6,000 to browse. */
function allConversations(): WireConversation[] {
  fixtures ??= [
    ...Object.values(demoConversations),
    ...generatedConversations(),
  ] as WireConversation[];
  listed ??= [...fixtures, ...arrived].map(
    (conversation) => changed.get(String(conversation.id)) ?? conversation,
  );
  return listed;
}

/**
 * The open queue moves while the demo runs, as a team's does: each move, a new customer asks for
 * a person and a colleague resolves a conversation that had asked for one. Who is waiting
 * changes; how many does not (1,207 open, 302 of them asking for a person).
 */
export const queueMoves = [
  {
    arrives: {
      id: 'conv_new_pix01',
      title: 'Pix pago em dobro',
      channel: 'whatsapp',
      priority: 'HIGH',
      frustration: 1,
      contact: { firstName: 'Luana', lastName: 'Ribeiro' },
    },
    resolved: 'conv_gen_0201',
  },
  {
    arrives: {
      id: 'conv_new_troca02',
      title: 'Troca antes do Natal',
      channel: 'instagram',
      priority: 'MEDIUM',
      frustration: 0.55,
      contact: { firstName: 'Otávio', lastName: null },
    },
    resolved: 'conv_gen_3021',
  },
] as const;
/** The first move comes this long after the demo starts; the next one a minute later. */
export const FIRST_QUEUE_MOVE_MS = 15_000;
const QUEUE_MOVE_INTERVAL_MS = 60_000;
let movesMade = 0;

/** Makes the queue's next move, if any is left: one arrives, another is resolved elsewhere. */
export function moveTheQueue() {
  const move = queueMoves[movesMade];
  if (!move) return;
  movesMade += 1;
  const now = new Date().toISOString();
  const { contact, ...arrives } = move.arrives;
  arrived.push({
    ...arrives,
    status: 'HUMAN_REQUESTED',
    isAiEnabled: false,
    unreadMessagesCount: 1,
    organizationId: 'org_9f2c41',
    createdAt: now,
    updatedAt: now,
    participantsContacts: [{ id: `ct_${arrives.id}`, ...contact }],
    assignees: [],
    tags: [],
  });
  const resolved = findConversation(move.resolved);
  if (resolved) changed.set(move.resolved, { ...resolved, status: 'RESOLVED', updatedAt: now });
  listed = undefined;
}

/** In the browser's demo only: tests make the moves themselves, when they mean to. */
export function startQueueMoves() {
  queueMoves.forEach((_, index) =>
    setTimeout(moveTheQueue, FIRST_QUEUE_MOVE_MS + index * QUEUE_MOVE_INTERVAL_MS),
  );
}

function findConversation(id: string): WireConversation | undefined {
  if (id === HUGE_CONVERSATION_ID) return changed.get(id) ?? hugeConversation();
  return allConversations().find((candidate) => candidate.id === id);
}

/** Whom the demo counts as signed in: one of its members (user_marina), so "assign to me" works. */
const demoAgent = { name: 'Marina Souza', email: 'marina.souza@lojaexemplo.com.br' };

/** Everyone assigned to a demo conversation: whom "assign" may name. */
const demoMembers = () => {
  const members = new Map<string, Member>();
  for (const conversation of Object.values(demoConversations) as WireConversation[]) {
    for (const assignee of Array.isArray(conversation.assignees) ? conversation.assignees : []) {
      const user = (assignee as { user?: Partial<Member> } | null)?.user;
      if (user?.id && user.name && user.email) members.set(user.id, user as Member);
    }
  }
  return [...members.values()];
};

const ana = { id: 'user_ana', email: 'ana.costa@lojaexemplo.com.br' };
const rafael = { id: 'user_rafael', email: 'rafael.lima@lojaexemplo.com.br' };
const demoNotes: SeedNote[] = [
  {
    conversationId: 'conv_wa_7Hk2pQ',
    note: 'Correios confirmou extravio do pedido #48213. Oferecer reenvio expresso ou reembolso integral.',
    isPrivate: true,
    author: rafael,
    createdAt: '2026-11-25T06:05:00.000Z',
  },
  {
    conversationId: 'conv_wa_7Hk2pQ',
    note: 'Cliente VIP: liberado cupom de 15% na próxima compra como compensação pelo atraso.',
    isPrivate: false,
    author: ana,
    createdAt: '2026-11-25T06:12:00.000Z',
  },
  {
    conversationId: 'conv_tg_5512',
    note: 'Estorno da segunda cobrança (R$ 389,80) solicitado ao financeiro. Prazo de até 2 faturas.',
    isPrivate: true,
    author: ana,
    createdAt: '2026-11-25T04:45:00.000Z',
  },
];

/**
 * The conversation whose customer is still writing: its messages end minutes before the demo
 * first shows them, so its WhatsApp reply window is open (conv_ig_Lm93xA's closed days ago).
 */
const LIVE_DEMO_CONVERSATION = 'conv_wa_7Hk2pQ';
const MINUTES_SINCE_LAST_MESSAGE = 25;
let liveTranscript: unknown[] | undefined;

function demoMessages(conversation: WireConversation): unknown[] {
  const transcript = demoTranscript(conversation as WireConversation & { id: string });
  if (conversation.id !== LIVE_DEMO_CONVERSATION) return transcript;
  liveTranscript ??= movedToEnd(transcript, Date.now() - MINUTES_SINCE_LAST_MESSAGE * 60_000);
  return liveTranscript;
}

/** The messages moved in time, keeping their spacing, so the last one is at `end`. */
function movedToEnd(messages: unknown[], end: number): unknown[] {
  const times = messages.map((message) =>
    Date.parse(String((message as WireConversation).createdAt)),
  );
  const shift = end - Math.max(...times);
  return messages.map((message, index) => {
    const createdAt = new Date(times[index]! + shift).toISOString();
    return { ...(message as WireConversation), createdAt, updatedAt: createdAt };
  });
}

/** What the demo's customers answer a few seconds after an agent writes to them. */
const customerAnswers = [
  'Obrigado pelo retorno! Vou verificar aqui e já respondo.',
  'Perfeito, fico no aguardo.',
  'Entendi. Pode me mandar o código de rastreio também?',
];
const CUSTOMER_ANSWER_DELAY_MS = 4000;

const demoWrites = () =>
  createConversationWrites({
    organizationId: 'org_9f2c41',
    members: demoMembers(),
    // The demo organization's owner, whom the API key stands for.
    keyOwner: { id: 'user_owner_7d1', email: 'admin@lojaexemplo.com.br' },
    seedNotes: demoNotes,
    messagesOf: demoMessages,
  });
let writes = demoWrites();

let sentCount = 0;

/** Forgets the demo's writes and the queue's moves: the fixtures as they were, the seeded notes only, no message sent. */
export function resetDemoWrites() {
  changed.clear();
  arrived = [];
  movesMade = 0;
  listed = undefined;
  liveTranscript = undefined;
  writes = demoWrites();
}

const EIGHT_HOURS_IN_SECONDS = 8 * 60 * 60;

export const handlers = [
  http.get('/api/conversation', ({ request }) => {
    const { status, body } = answerList(allConversations(), new URL(request.url).searchParams);
    return HttpResponse.json(body, { status });
  }),
  // In demo mode the demo agent counts as signed in.
  http.get(authPaths.session, () =>
    HttpResponse.json({
      signIn: 'on',
      email: demoAgent.email,
      name: demoAgent.name,
      expiresAt: Math.floor(Date.now() / 1000) + EIGHT_HOURS_IN_SECONDS,
      refusal: null,
    } satisfies SessionAnswer),
  ),
  http.get('/api/conversation/:id', ({ params }) => {
    const conversation = findConversation(String(params.id));
    return conversation
      ? HttpResponse.json(conversation)
      : HttpResponse.json({ message: 'Conversation not found' }, { status: 404 });
  }),
  // A conversation's CRM history, a page at a time; one organization's plan has no CRM (403).
  http.get('/api/crm/conversationLog', ({ request }) => {
    const { status, body } = crmHistoryResponse(new URL(request.url).searchParams);
    return HttpResponse.json(body, { status });
  }),
  // The `count` most recent messages, in the documented envelope and an order of the API's own.
  http.get('/api/conversation/:id/messages/:count', ({ params }) => {
    const id = String(params.id);
    const conversation = id === HUGE_CONVERSATION_ID ? { id } : findConversation(id);
    if (!conversation) {
      return HttpResponse.json({ message: 'Conversation not found' }, { status: 404 });
    }
    return HttpResponse.json(
      transcriptResponse(
        conversation as WireConversation & { id: string },
        Number(params.count),
        writes.messagesOf(conversation),
      ),
    );
  }),
  http.get('/api/conversations/:id/notes', ({ params }) => {
    const { status, body } = writes.readNotes(findConversation(String(params.id)));
    return HttpResponse.json(body, { status });
  }),
  // A write as the viewer's server takes it (its path one of the writes, its body checked, then
  // rebuilt with the signed-in agent), then as the API answers it.
  http.post('/api/*', async ({ request }) => {
    const write = writeOfPath(new URL(request.url).pathname.slice('/api/'.length));
    if (!write) return HttpResponse.json({ error: 'Unknown API path' }, { status: 404 });
    const { action, conversationId: id } = write;
    const sent: unknown = await request.json().catch(() => undefined);
    if (sent === undefined)
      return HttpResponse.json({ error: 'The body is not JSON' }, { status: 400 });
    const built = apiBody(action, sent, demoAgent.email);
    if ('error' in built)
      return HttpResponse.json({ error: built.error }, { status: built.status });

    const found = findConversation(id);
    const copy = found && { ...found };
    const { status, body } = writes.write(copy, action, built.body);
    if (copy && changesAField(action) && status === 200) {
      changed.set(id, copy);
      listed = undefined;
    }
    if (copy && action === 'message' && status === 200) {
      // The customer answers a few seconds later, so the live transcript has news to show.
      // Into the store it was sent to, should the demo be reset meanwhile.
      const answers = writes;
      const answer = customerAnswers[sentCount++ % customerAnswers.length]!;
      setTimeout(() => answers.customerWrites(copy, answer), CUSTOMER_ANSWER_DELAY_MS);
    }
    return HttpResponse.json(body, { status });
  }),
];
