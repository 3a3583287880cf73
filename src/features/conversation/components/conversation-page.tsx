import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { StaleNotice } from '@/components/ui/stale-notice';
import { messages } from '@/lib/messages';
import { liveRefresh } from '@/lib/query-client';
import { conversationQueries } from '@/lib/conversation/queries';
import { useRememberConversation } from './remember-conversation';
import { ConversationDetail, type ConversationSlots } from './conversation-detail';
import { ConversationSkeleton } from './conversation-skeleton';
import { ConversationToolbar } from './conversation-toolbar';

// The error page and its words load on demand, but early: a page that went offline must still
// be able to say so.
const loadConversationError = () => import('@/components/conversation/conversation-error');
const ConversationError = lazy(() =>
  loadConversationError().then((module) => ({ default: module.ConversationError })),
);

/** One conversation by id: its data when we have it, else a specific error, else the skeleton. */
export function ConversationPage({
  id,
  onRefresh,
  ...slots
}: {
  id: string;
  /** Refreshes what the page embeds (the messages) along with the conversation. */
  onRefresh?: () => void;
} & ConversationSlots) {
  const conversation = useQuery({
    ...conversationQueries.detail(id),
    ...liveRefresh,
  });
  useRememberConversation(id, conversation.data);
  useEffect(() => void loadConversationError(), []);
  // Shown above the data and above the skeleton alike, so loading takes the final layout.
  const toolbar = (
    <ConversationToolbar
      id={id}
      updatedAt={conversation.dataUpdatedAt}
      fetching={conversation.isFetching && !conversation.isPending}
      onRefresh={() => {
        void conversation.refetch();
        onRefresh?.();
      }}
    />
  );

  if (conversation.data) {
    // Data first: a failed background refresh keeps what we have, with a quiet notice.
    return (
      <>
        <title>{`${conversation.data.title ?? messages.conversation.untitled} · ${messages.appName}`}</title>
        {toolbar}
        {conversation.isError && (
          <div role="status">
            <StaleNotice
              className="mb-3 dark:bg-amber-400/10"
              onRetry={() => void conversation.refetch()}
            />
          </div>
        )}
        <ConversationDetail conversation={conversation.data} {...slots} />
      </>
    );
  }
  if (conversation.isError) {
    return (
      <Suspense fallback={<ConversationSkeleton />}>
        <ConversationError
          id={id}
          error={conversation.error}
          onRetry={() => void conversation.refetch()}
        />
      </Suspense>
    );
  }
  return (
    <>
      <title>{`${messages.conversation.loading} · ${messages.appName}`}</title>
      {toolbar}
      <ConversationSkeleton />
    </>
  );
}
