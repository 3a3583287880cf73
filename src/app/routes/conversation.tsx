import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { conversationIdProblem } from '@/config/paths';
import { ActionsSkeleton } from '@/features/actions/components/actions-skeleton';
import { ReplySkeleton } from '@/features/reply/components/reply-skeleton';
import { ConversationPage } from '@/features/conversation/components/conversation-page';
import { TranscriptPanelSkeleton } from '@/features/transcript/components/transcript-skeleton';
import { messages } from '@/lib/messages';
import { usePastFirstRender } from '@/lib/first-render';

// The transcript's code (its schema and virtual list) loads beside the page's data, not before
// it: nothing of it is needed for the conversation's first paint.
const loadTranscriptPanel = () => import('@/features/transcript/components/transcript-panel');
const loadTranscriptQueries = () => import('@/lib/transcript/queries');
// Only an unusable id needs the form, so it is not part of every conversation's code.
const OpenConversationForm = lazy(() =>
  import('../open-conversation-form').then((module) => ({ default: module.OpenConversationForm })),
);
// What an agent can change, and the notes: after the page's first paint, like the transcript.
const loadActions = () => import('@/features/actions/components/conversation-actions');
const ActionsPanel = lazy(() => loadActions().then((module) => ({ default: module.ActionsPanel })));
const NotesPanel = lazy(() => loadActions().then((module) => ({ default: module.NotesPanel })));
const TranscriptPanel = lazy(() =>
  loadTranscriptPanel().then((module) => ({ default: module.TranscriptPanel })),
);
// The reply to the customer, under the messages: its code loads with theirs, after first paint.
const loadReply = () => import('@/features/reply/components/reply-composer');
const ReplyComposer = lazy(() => loadReply().then((module) => ({ default: module.ReplyComposer })));

/**
 * A part whose code loads on demand: its placeholder in the first render, as the server drew it,
 * then the part itself once its code is in.
 */
function OnDemand({
  ready,
  placeholder = null,
  children,
}: {
  ready: boolean;
  placeholder?: ReactNode;
  children: ReactNode;
}) {
  return ready ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder;
}

export function ConversationRoute() {
  const { id = '' } = useParams();
  const problem = conversationIdProblem(id);
  const queryClient = useQueryClient();
  const pastFirstRender = usePastFirstRender();
  // The messages and their code start loading with the conversation, not after it.
  useEffect(() => {
    if (problem) return;
    void loadTranscriptQueries().then(({ transcriptQueries }) =>
      queryClient.prefetchQuery(transcriptQueries.latest(id)),
    );
    void loadTranscriptPanel();
    void loadReply();
  }, [queryClient, id, problem]);
  if (problem) {
    return (
      <div
        role="alert"
        className="mx-auto max-w-xl space-y-4 rounded-lg border border-line bg-surface p-5"
      >
        <title>{`${messages.idProblem[problem]} · ${messages.appName}`}</title>
        <h1 className="text-lg font-semibold">{messages.idProblem[problem]}</h1>
        <Suspense fallback={null}>
          <OpenConversationForm />
        </Suspense>
      </div>
    );
  }
  // A new id is a new page: no state of the previous conversation carries over.
  return (
    <ConversationPage
      key={id}
      id={id}
      renderActions={(conversation) => (
        <OnDemand ready={pastFirstRender} placeholder={<ActionsSkeleton />}>
          <ActionsPanel conversation={conversation} />
        </OnDemand>
      )}
      renderNotes={() => (
        <OnDemand ready={pastFirstRender}>
          <NotesPanel conversationId={id} />
        </OnDemand>
      )}
      renderTranscript={(operatorNames, conversation) => (
        <OnDemand ready={pastFirstRender} placeholder={<TranscriptPanelSkeleton />}>
          <TranscriptPanel
            conversationId={id}
            operatorNames={operatorNames}
            renderFooter={(transcript) => (
              <Suspense fallback={<ReplySkeleton />}>
                <ReplyComposer conversation={conversation} transcript={transcript} />
              </Suspense>
            )}
          />
        </OnDemand>
      )}
      onRefresh={() =>
        void loadTranscriptQueries().then(({ transcriptQueries }) =>
          queryClient.refetchQueries({ queryKey: transcriptQueries.of(id), type: 'active' }),
        )
      }
    />
  );
}
