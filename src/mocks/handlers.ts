/** One set of API handlers for the demo worker, Vitest and the demo end-to-end run. */
import { http, HttpResponse } from 'msw';
import { demoConversations } from './fixtures/demo-conversations';

export const handlers = [
  http.get('/api/conversation/:id', ({ params }) => {
    const conversation = demoConversations[String(params.id)];
    return conversation
      ? HttpResponse.json(conversation)
      : HttpResponse.json({ message: 'Conversation not found' }, { status: 404 });
  }),
];
