import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AlertIcon, RefreshIcon } from '@/components/ui/icons';
import { Panel } from '@/components/ui/panel';
import { ApiError } from '@/lib/api-client';
import { errorMessages } from '@/components/conversation/error-messages';
import { messages } from '@/lib/messages';
import { transcriptMessages } from '../transcript-messages';
import { liveRefresh } from '@/lib/query-client';
import { TRANSCRIPT_MAX_COUNT, TRANSCRIPT_PAGE_SIZE, transcriptQueries } from '../api/queries';
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

/**
 * The conversation's messages: the latest ones first, earlier ones on request. Loads and fails on its
 * own, so the rest of the page never waits for it.
 */
export function TranscriptPanel({
  conversationId,
  operatorNames,
}: {
  conversationId: string;
  /** Names of the organization's people by user id, for the operators' messages. */
  operatorNames?: ReadonlyMap<string, string>;
}) {
  const t = transcriptMessages();
  const queryClient = useQueryClient();
  const [count, setCount] = useState(TRANSCRIPT_PAGE_SIZE);
  const query = useQuery({
    ...transcriptQueries.latest(conversationId, count),
    // New messages arrive the way the conversation's changes do.
    ...liveRefresh,
    // Asking for more keeps the shown messages until the longer list arrives.
    placeholderData: keepPreviousData,
  });
  const retry = () => void query.refetch();

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

  const nextCount = count + TRANSCRIPT_PAGE_SIZE;
  // Fewer than asked for: the API has nothing earlier.
  const hasEarlier = shown.received >= count && nextCount <= TRANSCRIPT_MAX_COUNT;
  let actions;
  if (query.isError) {
    actions = (
      <p role="alert" className="flex flex-wrap items-center gap-2 text-xs">
        {t.earlierFailed}
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
      count={shown.entries.length}
      empty={t.empty}
      actions={actions}
    >
      {/* Edge to edge: the scroll region is the panel's body. */}
      <div className="-mx-4 -my-3">
        <TranscriptList entries={shown.entries} operatorNames={operatorNames} />
      </div>
    </Panel>
  );
}
