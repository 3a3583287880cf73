/**
 * Sending a message to the customer: once, never again by itself. The API has no idempotency
 * key, so an answer that does not come back leaves the draft's send pending, for the composer to
 * look for in the transcript; only the API's refusal ends it with nothing sent.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { writePath } from '@/config/conversation-writes';
import { ApiError, apiRequest } from '@/lib/api-client';
import { isRecord } from '@/lib/json';
import { sendMutationKey, showSentMessage, type OutgoingMessage } from '@/lib/transcript/outgoing';
import { transcriptQueries } from '@/lib/transcript/queries';
import { clearDraft, readDraft, saveDraft } from '../drafts';

/** The statuses that say the API took nothing: the draft can be edited and sent again. */
const refusals = new Set([400, 401, 403, 404, 406, 409, 413, 422, 429]);

/** Whether a failed send surely sent nothing; otherwise its outcome is unknown. */
export const isRefusal = (error: unknown) =>
  error instanceof ApiError && error.status !== undefined && refusals.has(error.status);

export function useSendMessage(conversationId: string) {
  const queryClient = useQueryClient();
  const transcripts = transcriptQueries.of(conversationId);
  return useMutation({
    mutationKey: sendMutationKey(conversationId),
    mutationFn: ({ text }: OutgoingMessage) =>
      apiRequest(writePath(conversationId, 'message'), {
        method: 'POST',
        body: { message: text },
      }),
    // A retry would be a second message to the customer.
    retry: false,
    // These run even when the agent has moved to another conversation meanwhile.
    onSuccess: async (answer) => {
      clearDraft(conversationId);
      // A refetch begun before the send would draw the transcript without it.
      await queryClient.cancelQueries({ queryKey: transcripts });
      showSentMessage(queryClient, conversationId, isRecord(answer) ? answer.message : undefined);
      void queryClient.invalidateQueries({ queryKey: transcripts });
    },
    onError: (error) => {
      const draft = readDraft(conversationId);
      if (draft && isRefusal(error)) saveDraft(conversationId, { text: draft.text });
    },
  });
}
