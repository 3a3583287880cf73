/** Keys and query options of the transcript: one factory for the panel, prefetching and tests. */
import { queryOptions } from '@tanstack/react-query';
import { fetchTranscript } from './get-transcript';

/** How many messages come first, and how many more each "load earlier" asks for. */
export const TRANSCRIPT_PAGE_SIZE = 50;
/**
 * How often an open conversation's messages are read again while its tab is visible: a customer
 * who writes while the agent answers is seen within seconds.
 */
export const TRANSCRIPT_REFRESH_MS = 5_000;
/** The largest count the proxies forward (four digits). */
export const TRANSCRIPT_MAX_COUNT = 9_999;

export const transcriptQueries = {
  all: () => ['transcripts'] as const,
  /** Every page size asked of one conversation's messages. */
  of: (conversationId: string) => [...transcriptQueries.all(), conversationId] as const,
  latest: (conversationId: string, count: number = TRANSCRIPT_PAGE_SIZE) =>
    queryOptions({
      queryKey: [...transcriptQueries.of(conversationId), count],
      queryFn: ({ signal }) => fetchTranscript(conversationId, count, signal),
    }),
};
