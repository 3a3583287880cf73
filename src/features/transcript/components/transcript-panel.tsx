import {
  keepPreviousData,
  useMutationState,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { AlertIcon, RefreshIcon } from '@/components/ui/icons';
import { Panel } from '@/components/ui/panel';
import { ApiError } from '@/lib/api-client';
import { errorMessages } from '@/components/conversation/error-messages';
import { messages } from '@/lib/messages';
import { transcriptMessages } from '../transcript-messages';
import { alignedRefresh } from '@/lib/query-client';
import { sendMutationKey, type OutgoingMessage } from '@/lib/transcript/outgoing';
import {
  TRANSCRIPT_MAX_COUNT,
  TRANSCRIPT_PAGE_SIZE,
  TRANSCRIPT_REFRESH_MS,
  transcriptQueries,
} from '@/lib/transcript/queries';
import type { Message, Transcript } from '@/lib/transcript/transcript-schema';
import { NewMessageAnnouncer } from './new-message-announcer';
import { TranscriptList } from './transcript-list';
import { TranscriptSkeleton } from './transcript-skeleton';

const buttonClassName =
  'inline-flex items-center gap-1.5 rounded-md border border-line px-2.5 py-1 text-xs font-medium hover:bg-subtle aria-disabled:opacity-60 print:hidden';

function RetryButton({ onRetry }: { onRetry: () => void }) {
  return (
    <button type="button" onClick={onRetry} className={buttonClassName}>
      <RefreshIcon className="size-3.5" />
      {messages.errors.retry}
    </button>
  );
}

/** What went wrong, in the words the page uses for the same kind of failure, and a way to retry. */
function TranscriptError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const kind = error instanceof ApiError ? error.kind : 'invalid-response';
  return (
    <div role="alert" className="space-y-2">
      <p className="flex items-center gap-1.5 font-medium">
        <AlertIcon className="size-4 shrink-0 text-red-600 dark:text-red-400" />
        {transcriptMessages().failed}
      </p>
      <p className="text-muted">
        {errorMessages()[kind].title}
        {error instanceof ApiError && error.status !== undefined && (
          <span className="ml-2 text-xs">({messages.errors.status(error.status)})</span>
        )}
      </p>
      <RetryButton onRetry={onRetry} />
    </div>
  );
}

/** A message the agent is sending, drawn at the end of the transcript until the API answers. */
const sendingEntry = ({ text, startedAt }: OutgoingMessage, you: string): Message => ({
  kind: 'message',
  key: `sending:${startedAt}`,
  author: 'human-agent',
  authorName: you,
  userId: null,
  unread: false,
  sources: [],
  evaluation: null,
  createdAt: new Date(startedAt).toISOString(),
  text,
  attachments: [],
  sending: true,
});

/**
 * The conversation's messages: the latest ones first, earlier ones on request, read again every
 * few seconds while the page is visible. Loads and fails on its own, so the rest of the page never
 * waits for it. `renderFooter` draws under the messages (the reply), once they are in.
 */
export function TranscriptPanel({
  conversationId,
  operatorNames,
  renderFooter,
}: {
  conversationId: string;
  /** Names of the organization's people by user id, for the operators' messages. */
  operatorNames?: ReadonlyMap<string, string>;
  renderFooter?: (transcript: Transcript) => ReactNode;
}) {
  const t = transcriptMessages();
  const queryClient = useQueryClient();
  const [count, setCount] = useState(TRANSCRIPT_PAGE_SIZE);
  const query = useQuery({
    ...transcriptQueries.latest(conversationId, count),
    // A customer's new message shows while the agent is writing: within seconds, not a minute.
    ...alignedRefresh(TRANSCRIPT_REFRESH_MS),
    // Asking for more keeps the shown messages until the longer list arrives.
    placeholderData: keepPreviousData,
  });
  const retry = () => void query.refetch();
  const sending = useMutationState({
    filters: { mutationKey: sendMutationKey(conversationId), status: 'pending' },
    select: (mutation) => mutation.state.variables as OutgoingMessage,
  });

  // When asking for more failed, the messages loaded before are still good to show.
  const shown =
    query.data ??
    (count > TRANSCRIPT_PAGE_SIZE
      ? queryClient.getQueryData(
          transcriptQueries.latest(conversationId, count - TRANSCRIPT_PAGE_SIZE).queryKey,
        )
      : undefined);

  if (!shown) {
    return (
      <Panel title={messages.transcript.title}>
        {query.isError ? (
          <TranscriptError error={query.error} onRetry={retry} />
        ) : (
          <TranscriptSkeleton />
        )}
      </Panel>
    );
  }

  const entries =
    sending.length > 0
      ? [...shown.entries, ...sending.map((outgoing) => sendingEntry(outgoing, t.you))]
      : shown.entries;
  const nextCount = count + TRANSCRIPT_PAGE_SIZE;
  // Fewer than asked for: the API has nothing earlier.
  const hasEarlier = shown.received >= count && nextCount <= TRANSCRIPT_MAX_COUNT;
  let actions;
  if (query.isError) {
    actions = (
      <p role="alert" className="flex flex-wrap items-center gap-2 text-xs">
        {/* With messages of this very count shown, what failed is a refresh, not "load earlier". */}
        {query.data ? t.refreshFailed : t.earlierFailed}
        <RetryButton onRetry={retry} />
      </p>
    );
  } else if (hasEarlier || query.isPlaceholderData) {
    // One button throughout, so keyboard focus stays on it while the earlier messages load.
    actions = (
      <button
        type="button"
        aria-disabled={query.isPlaceholderData}
        onClick={() => !query.isPlaceholderData && setCount(nextCount)}
        className={buttonClassName}
      >
        {query.isPlaceholderData ? t.loadingEarlier : t.loadEarlier}
      </button>
    );
  } else if (shown.entries.length > 0) {
    actions = <span className="text-xs text-muted">{t.start}</span>;
  }

  return (
    <Panel
      title={messages.transcript.title}
      // No count of 0 with a reply under it: the panel would hide its body, and the reply with it.
      count={renderFooter && shown.entries.length === 0 ? undefined : shown.entries.length}
      empty={t.empty}
      actions={actions}
    >
      {/* Edge to edge: the scroll region is the panel's body. */}
      <div className="-mx-4 -my-3">
        {entries.length > 0 ? (
          <TranscriptList
            entries={entries}
            operatorNames={operatorNames}
            // With a reply under it, the list keeps its height: new messages never move the reply.
            fixedHeight={Boolean(renderFooter)}
          />
        ) : (
          <p className="px-4 py-3 text-muted">{t.empty}</p>
        )}
        <NewMessageAnnouncer entries={shown.entries} />
        {renderFooter?.(shown)}
      </div>
    </Panel>
  );
}
