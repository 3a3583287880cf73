/** Fetcher for a conversation's latest messages: the only place that knows their endpoint. */
import { ApiError, apiGet } from '@/lib/api-client';
import { NotATranscriptError, parseTranscript, type Transcript } from './transcript-schema';

export async function fetchTranscript(
  conversationId: string,
  count: number,
  signal?: AbortSignal,
): Promise<Transcript> {
  const body = await apiGet(
    `conversation/${encodeURIComponent(conversationId)}/messages/${count}`,
    signal,
  );
  try {
    return parseTranscript(body);
  } catch (error) {
    if (error instanceof NotATranscriptError) throw new ApiError('invalid-response');
    throw error;
  }
}
