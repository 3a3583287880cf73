/**
 * Changing a conversation from its page, optimistically: the page (and every list holding the
 * conversation) shows the new value at once; a refusal or failure sets the old one back; either
 * way the conversation and its lists are asked again to confirm.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { writePath, type WriteAction, type WriteBody } from '@/config/conversation-writes';
import { apiRequest } from '@/lib/api-client';
import {
  fieldsBefore,
  patchCachedConversation,
  refetchConversation,
  type ConversationPatch,
} from '@/lib/conversation/cached-conversation';
import type { Conversation } from '@/lib/conversation/conversation-model';
import { conversationQueries } from '@/lib/conversation/queries';

type FieldAction = Exclude<WriteAction, 'notes' | 'message'>;

/** A write to one of the conversation's fields, and how the conversation looks once it is made. */
export type Change = {
  [A in FieldAction]: { action: A; body: WriteBody<A>; shows: ConversationPatch };
}[FieldAction];

export function useConversationWrite(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: Change) =>
      apiRequest(writePath(id, action), { method: 'POST', body }),
    onMutate: async ({ shows }: Change) => {
      const key = conversationQueries.detail(id).queryKey;
      // A refetch on its way would draw the old value over the new one.
      await queryClient.cancelQueries({ queryKey: key });
      const current: Conversation | undefined = queryClient.getQueryData(key);
      patchCachedConversation(queryClient, id, shows);
      return { before: current && fieldsBefore(current, shows) };
    },
    onError: (_error, _change, context) => {
      if (context?.before) patchCachedConversation(queryClient, id, context.before);
    },
    onSettled: () => refetchConversation(queryClient, id),
  });
}
