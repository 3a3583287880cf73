/** Fetcher and query options for one conversation: the only place that knows its endpoint. */
import { queryOptions } from '@tanstack/react-query';
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

export const conversationQueries = {
  all: () => ['conversations'] as const,
  details: () => [...conversationQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...conversationQueries.details(), id],
      queryFn: ({ signal }) => fetchConversation(id, signal),
    }),
};
