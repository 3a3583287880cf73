import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { conversationIdProblem } from '@/config/paths';
import { ConversationPage } from '@/features/conversation/components/conversation-page';
import { transcriptQueries } from '@/features/transcript/api/queries';
import { TranscriptPanel } from '@/features/transcript/components/transcript-panel';
import { messages } from '@/lib/messages';
import { OpenConversationForm } from '../open-conversation-form';

export function ConversationRoute() {
  const { id = '' } = useParams();
  const problem = conversationIdProblem(id);
  const queryClient = useQueryClient();
  // The messages start loading with the conversation, not after it.
  useEffect(() => {
    if (!problem) void queryClient.prefetchQuery(transcriptQueries.latest(id));
  }, [queryClient, id, problem]);
  if (problem) {
    return (
      <div
        role="alert"
        className="mx-auto max-w-xl space-y-4 rounded-lg border border-line bg-surface p-5"
      >
        <title>{`${messages.idProblem[problem]} · ${messages.appName}`}</title>
        <h1 className="text-lg font-semibold">{messages.idProblem[problem]}</h1>
        <OpenConversationForm />
      </div>
    );
  }
  // A new id is a new page: no state of the previous conversation carries over.
  return <ConversationPage key={id} id={id} transcript={<TranscriptPanel conversationId={id} />} />;
}
