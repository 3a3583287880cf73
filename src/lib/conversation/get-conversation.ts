/** Fetcher for one conversation: the only place that knows its endpoint. */
import { ApiError, apiGet } from '@/lib/api-client';
import type { Conversation } from './conversation-model';

/**
 * The reader, loaded beside the first request rather than with the page: the page's first paint
 * (often drawn by the server) does not need the schema library.
 */
export const loadConversationSchema = () => import('./conversation-schema');

export async function fetchConversation(id: string, signal?: AbortSignal): Promise<Conversation> {
  const [body, { NotAConversationError, parseConversation }] = await Promise.all([
    apiGet(`conversation/${encodeURIComponent(id)}`, signal),
    loadConversationSchema(),
  ]);
  try {
    return parseConversation(body);
  } catch (error) {
    if (error instanceof NotAConversationError) throw new ApiError('invalid-response');
    throw error;
  }
}
