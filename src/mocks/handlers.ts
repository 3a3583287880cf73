/** One set of API handlers for the demo worker, Vitest and the demo end-to-end run. */
import { http, HttpResponse } from 'msw';
import { crmHistoryResponse } from './fixtures/crm-history';
import { demoConversations } from './fixtures/demo-conversations';
import { generatedConversations } from './fixtures/generated-conversations';
import { HUGE_CONVERSATION_ID, hugeConversation } from './fixtures/huge-conversation';
import { transcriptResponse } from './fixtures/transcripts';
import { answerList } from './list-endpoint';

type WireConversation = Record<string, unknown>;

let listed: WireConversation[] | undefined;
/** The demo fixtures and 5,990 generated conversations: 6,000 to browse, built on first use. */
function allConversations(): WireConversation[] {
  listed ??= [
    ...Object.values(demoConversations),
    ...generatedConversations(),
  ] as WireConversation[];
  return listed;
}

export const handlers = [
  http.get('/api/conversation', ({ request }) => {
    const { status, body } = answerList(allConversations(), new URL(request.url).searchParams);
    return HttpResponse.json(body, { status });
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
  // The `count` most recent messages, in the documented envelope and an order of the API's own.
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
