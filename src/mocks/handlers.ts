/** One set of API handlers for the demo worker, Vitest and the demo end-to-end run. */
import { http, HttpResponse } from 'msw';
import { crmHistoryResponse } from './fixtures/crm-history';
import { demoConversations } from './fixtures/demo-conversations';
import { generatedConversations } from './fixtures/generated-conversations';
import { HUGE_CONVERSATION_ID, hugeConversation } from './fixtures/huge-conversation';
import { transcriptResponse } from './fixtures/transcripts';

type WireConversation = Record<string, unknown>;

let listed: WireConversation[] | undefined;
/** The demo fixtures and 1,990 generated conversations: 2,000 to browse, built on first use. */
function allConversations(): WireConversation[] {
  listed ??= [
    ...Object.values(demoConversations),
    ...generatedConversations(),
  ] as WireConversation[];
  return listed;
}

const dayOf = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : '');

/** The list filters, applied the way the API documents them. */
function matchesFilters(conversation: WireConversation, params: URLSearchParams): boolean {
  const assignees = Array.isArray(conversation.assignees)
    ? (conversation.assignees as WireConversation[])
    : [];
  const assigneeIds = assignees.map((a) => (a.user as WireConversation | undefined)?.id ?? a.id);
  const checks: Record<string, (value: string) => boolean> = {
    status: (value) => conversation.status === value,
    priority: (value) => conversation.priority === value,
    channel: (value) => conversation.channel === value,
    agentId: (value) => (value === 'null' ? !conversation.agentId : conversation.agentId === value),
    assigneeId: (value) => assigneeIds.includes(value),
    unread: (value) => Number(conversation.unreadMessagesCount) > 0 === (value === 'true'),
    createdAt: (value) => dayOf(conversation.createdAt) >= value.slice(0, 10),
    endDate: (value) => dayOf(conversation.createdAt) <= value.slice(0, 10),
  };
  return Object.entries(checks).every(([name, check]) => {
    const value = params.get(name);
    return value === null || check(value);
  });
}

export const handlers = [
  http.get('/api/conversation', ({ request }) => {
    const params = new URL(request.url).searchParams;
    return HttpResponse.json(
      allConversations().filter((conversation) => matchesFilters(conversation, params)),
    );
  }),
  http.get('/api/conversation/:id', ({ params }) => {
    const id = String(params.id);
    const conversation =
      id === HUGE_CONVERSATION_ID
        ? hugeConversation()
        : allConversations().find((candidate) => candidate.id === id);
    return conversation
      ? HttpResponse.json(conversation)
      : HttpResponse.json({ message: 'Conversation not found' }, { status: 404 });
  }),
  // A conversation's CRM history, a page at a time; one organization's plan has no CRM (403).
  http.get('/api/crm/conversationLog', ({ request }) => {
    const { status, body } = crmHistoryResponse(new URL(request.url).searchParams);
    return HttpResponse.json(body, { status });
  }),
  // The `count` most recent messages, newest first, in the documented envelope.
  http.get('/api/conversation/:id/messages/:count', ({ params }) => {
    const id = String(params.id);
    const conversation =
      id === HUGE_CONVERSATION_ID
        ? { id }
        : allConversations().find((candidate) => candidate.id === id);
    if (!conversation) {
      return HttpResponse.json({ message: 'Conversation not found' }, { status: 404 });
    }
    return HttpResponse.json(
      transcriptResponse(conversation as WireConversation & { id: string }, Number(params.count)),
    );
  }),
];
