/** One set of API handlers for the demo worker, Vitest and the demo end-to-end run. */
import { http, HttpResponse } from 'msw';
import { demoConversations } from './fixtures/demo-conversations';
import { HUGE_CONVERSATION_ID, hugeConversation } from './fixtures/huge-conversation';

export const handlers = [
  http.get('/api/conversation/:id', ({ params }) => {
    const id = String(params.id);
    const conversation = id === HUGE_CONVERSATION_ID ? hugeConversation() : demoConversations[id];
    return conversation
      ? HttpResponse.json(conversation)
      : HttpResponse.json({ message: 'Conversation not found' }, { status: 404 });
  }),
];
