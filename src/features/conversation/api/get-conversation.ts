/** Fetcher for one conversation: the only place that knows its endpoint. */
import { ApiError, apiGet } from '@/lib/api-client';
import { NotAConversationError, parseConversation, type Conversation } from './conversation-schema';

export async function fetchConversation(id: string, signal?: AbortSignal): Promise<Conversation> {
  const body = await apiGet(`conversation/${encodeURIComponent(id)}`, signal);
  try {
    return parseConversation(body);
  } catch (error) {
    if (error instanceof NotAConversationError) throw new ApiError('invalid-response');
    throw error;
  }
}
