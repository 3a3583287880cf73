/**
 * A message to the customer on its way, shared by the composer that sends it and the transcript
 * that shows it: drawn as "sending" while its send is pending, then as the API stored it.
 */
import type { QueryClient } from '@tanstack/react-query';
import { transcriptQueries } from './queries';
import { parseTranscript, type Transcript } from './transcript-schema';

export interface OutgoingMessage {
  text: string;
  /** When the agent sent it (ms since the epoch). */
  startedAt: number;
}

/** The key of every send to one conversation: the transcript draws those still pending. */
export const sendMutationKey = (conversationId: string) =>
  ['send-message', conversationId] as const;

/**
 * The message as the API stored it, added at the end of each transcript of the conversation we
 * hold, so it shows as sent at once; the next refetch brings the API's own copy in its place.
 */
export function showSentMessage(queryClient: QueryClient, conversationId: string, stored: unknown) {
  const [entry] = parseTranscript([stored]).entries;
  if (entry?.kind !== 'message' || !entry.key.startsWith('id:')) return;
  queryClient.setQueriesData<Transcript>(
    { queryKey: transcriptQueries.of(conversationId) },
    (transcript) =>
      transcript && !transcript.entries.some(({ key }) => key === entry.key)
        ? { ...transcript, entries: [...transcript.entries, entry] }
        : transcript,
  );
}
