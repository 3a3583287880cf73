import { useIsMutating, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { channelName } from '@/components/conversation/channel-label';
import { outlineButton } from '@/components/ui/button';
import { AlertIcon } from '@/components/ui/icons';
import { MESSAGE_MAX_LENGTH } from '@/config/conversation-writes';
import { ApiError, REQUEST_TIMEOUT_MS } from '@/lib/api-client';
import { cn } from '@/lib/cn';
import type { Conversation } from '@/lib/conversation/conversation-model';
import { formatRelative } from '@/lib/format';
import { sendMutationKey } from '@/lib/transcript/outgoing';
import { transcriptQueries } from '@/lib/transcript/queries';
import type { Transcript } from '@/lib/transcript/transcript-schema';
import { useNow } from '@/lib/use-now';
import { useShortcut } from '@/lib/use-shortcut';
import { isRefusal, useSendMessage } from '../api/use-send-message';
import { clearDraft, readDraft, saveDraft, watchDraft, type Draft } from '../drafts';
import { replyMessages } from '../reply-messages';
import { replyWindow, timeLeft, type ReplyWindow } from '../reply-window';
import { isDelivered, sameTextKeys } from '../sent-message';

/**
 * How long after a send without an answer it may still land: past the browser's own timeout and
 * the proxy's. Only then does a message missing from the transcript count as not sent.
 */
const SEND_SETTLES_MS = REQUEST_TIMEOUT_MS + 10_000;
/** How often the transcript is read again while a send's outcome is unknown. */
const RECHECK_MS = 5_000;

type Phase =
  | { kind: 'writing' }
  | { kind: 'sent' }
  | { kind: 'refused'; reason: string }
  /** No answer came back: the transcript is read to find the message. */
  | { kind: 'checking' }
  /** Not in the transcript long after the send: it may be sent again, by the agent only. */
  | { kind: 'unconfirmed' }
  /** The transcript could not be read: nothing is known, nothing is sent. */
  | { kind: 'check-failed' };

const emptyDraft: Draft = { text: '', savedAt: 0 };

/** Why the API refused a send, in the agent's words. */
function refusalReason(error: unknown): string {
  const why = replyMessages().why;
  if (!(error instanceof ApiError) || error.status === undefined) return why.other(0);
  switch (error.status) {
    case 400:
      return why['bad-request'];
    case 403:
      return why.forbidden;
    case 404:
      return why['not-found'];
    case 406:
      return why.closed;
    case 413:
      return why['too-long'];
    case 429:
      return why['rate-limited'](error.retryAfterSeconds);
    default:
      return why.other(error.status);
  }
}

/** The line on the reply window: how long is left, or that it has closed. */
function WindowNotice({
  window: answerWindow,
  channel,
  now,
}: {
  window: ReplyWindow;
  channel: string;
  now: number;
}) {
  const t = replyMessages();
  if (answerWindow.kind === 'none') return null;
  if (answerWindow.kind === 'unknown')
    return <p className="text-xs text-muted">{t.windowUnknown(channel)}</p>;
  if (answerWindow.kind === 'closed') {
    return (
      <p
        role="note"
        className="flex gap-1.5 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-500/40 dark:bg-amber-400/10 dark:text-amber-100"
      >
        <AlertIcon className="mt-0.5 size-4 shrink-0" />
        {t.windowClosed(channel, formatRelative(new Date(answerWindow.closedAt), now))}
      </p>
    );
  }
  const left = timeLeft(answerWindow.closesAt - now);
  return <p className="text-xs font-medium">{t.windowOpen[left.unit](left.value)}</p>;
}

/**
 * The reply to the customer, under the transcript: typed into a draft this browser keeps, sent
 * once (Ctrl/Cmd+Enter or the button), shown in the transcript as it goes. A send whose answer is
 * lost is looked for in the transcript before anything is offered again.
 */
export function ReplyComposer({
  conversation,
  transcript,
}: {
  conversation: Conversation;
  transcript: Transcript;
}) {
  const t = replyMessages();
  const { id } = conversation;
  const queryClient = useQueryClient();
  const send = useSendMessage(id);
  const inFlight = useIsMutating({ mutationKey: sendMutationKey(id) }) > 0;
  const [draft, setDraft] = useState(() => readDraft(id) ?? emptyDraft);
  const [phase, setPhase] = useState<Phase>(() =>
    draft.pending ? { kind: 'checking' } : { kind: 'writing' },
  );
  const [kept, setKept] = useState(true);
  // Set at once, before React renders: a double click or a held Ctrl+Enter sends once.
  const sendingRef = useRef(false);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  const helpId = useId();
  const countId = useId();
  useShortcut('R', () => fieldRef.current?.focus());

  const channel = conversation.channel ? channelName(conversation.channel) : null;
  const now = useNow(30_000);
  const answerWindow = replyWindow(conversation.channel, transcript.entries, now);
  const trimmed = draft.text.trim();
  const over = trimmed.length - MESSAGE_MAX_LENGTH;
  const busy = inFlight || phase.kind === 'checking' || phase.kind === 'check-failed';
  const closed = answerWindow.kind === 'closed';
  const canSend = !busy && !closed && trimmed.length > 0 && over <= 0;

  const keep = (next: Omit<Draft, 'savedAt'>) => {
    setDraft({ ...next, savedAt: Date.now() });
    setKept(saveDraft(id, next));
  };

  // Another tab's draft of this conversation, unless the agent is typing here.
  useEffect(
    () =>
      watchDraft(id, (next) => {
        if (document.activeElement === fieldRef.current) return;
        setDraft(next ?? emptyDraft);
        // A send begun there is looked for here too; once it has ended there, the look ends here.
        setPhase((current) =>
          next?.pending
            ? { kind: 'checking' }
            : current.kind === 'checking' || current.kind === 'check-failed'
              ? { kind: 'writing' }
              : current,
        );
      }),
    [id],
  );

  // An answer that never came: the transcript says whether the message is there.
  const { pending, text } = draft;
  useEffect(() => {
    if (phase.kind !== 'checking' || inFlight || !pending) return;
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = async () => {
      try {
        const latest = await queryClient.fetchQuery({
          ...transcriptQueries.latest(id),
          staleTime: 0,
        });
        if (!active) return;
        if (isDelivered(latest.entries, text, pending)) {
          clearDraft(id);
          setDraft(emptyDraft);
          return setPhase({ kind: 'sent' });
        }
        const wait = pending.startedAt + SEND_SETTLES_MS - Date.now();
        if (wait > 0) {
          timer = setTimeout(() => void look(), Math.min(wait, RECHECK_MS));
          return;
        }
        // Long past and not there: nothing is pending any more.
        setKept(saveDraft(id, { text }));
        setDraft({ text, savedAt: Date.now() });
        setPhase({ kind: 'unconfirmed' });
      } catch {
        if (active) setPhase({ kind: 'check-failed' });
      }
    };
    void look();
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [phase.kind, inFlight, pending, text, id, queryClient]);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (sendingRef.current || !canSend) return;
    if (!navigator.onLine) return setPhase({ kind: 'refused', reason: t.why.offline });
    sendingRef.current = true;
    const startedAt = Date.now();
    keep({
      text: draft.text,
      pending: { startedAt, alreadyThere: sameTextKeys(transcript.entries, trimmed) },
    });
    send.mutate(
      { text: trimmed, startedAt },
      {
        onSuccess: () => {
          setDraft(emptyDraft);
          setPhase({ kind: 'sent' });
        },
        onError: (error) => {
          if (!isRefusal(error)) return setPhase({ kind: 'checking' });
          setDraft((current) => ({ text: current.text, savedAt: Date.now() }));
          setPhase({ kind: 'refused', reason: refusalReason(error) });
        },
        onSettled: () => {
          sendingRef.current = false;
        },
      },
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    if (!event.repeat) submit();
  }

  const sendLabel = channel ? t.sendOn(channel) : t.sendToCustomer;
  return (
    <form onSubmit={submit} className="space-y-2 border-t border-line px-4 py-3 print:hidden">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <label htmlFor={fieldId} className="text-sm font-medium">
          {t.label}
        </label>
        <WindowNotice window={answerWindow} channel={channel ?? t.sendToCustomer} now={now} />
      </div>
      <textarea
        ref={fieldRef}
        id={fieldId}
        value={draft.text}
        rows={3}
        disabled={closed}
        readOnly={busy}
        aria-describedby={`${helpId} ${countId}`}
        aria-invalid={over > 0 || undefined}
        aria-keyshortcuts="Shift+R"
        onChange={(event) => {
          if (phase.kind !== 'writing') setPhase({ kind: 'writing' });
          keep({ text: event.target.value });
        }}
        onKeyDown={onKeyDown}
        className="block max-h-[40vh] min-h-20 w-full resize-y rounded-md border border-line bg-surface px-2.5 py-2 text-sm text-ink read-only:opacity-70 focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-60"
      />
      <p id={helpId} className="text-xs text-muted">
        {channel ? t.help(channel) : t.helpNoChannel} {t.keys}
      </p>
      {!kept && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {t.notKept}
        </p>
      )}
      {/* While a send is on its way, the button says so. */}
      {!inFlight && (
        <PhaseNotice phase={phase} onCheckAgain={() => setPhase({ kind: 'checking' })} />
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p
          id={countId}
          className={cn(
            'text-xs tabular-nums',
            over > 0 ? 'text-red-700 dark:text-red-300' : 'text-muted',
          )}
        >
          {over > 0 ? t.tooLong(over) : t.count(trimmed.length, MESSAGE_MAX_LENGTH)}
        </p>
        <button
          type="submit"
          aria-disabled={!canSend || undefined}
          className="inline-flex h-9 items-center rounded-md bg-accent px-4 text-sm font-medium text-surface hover:opacity-90 aria-disabled:opacity-50"
        >
          {inFlight ? t.sending : phase.kind === 'unconfirmed' ? t.sendAgain : sendLabel}
        </button>
      </div>
    </form>
  );
}

/** What became of the last send, when there is something to say. */
function PhaseNotice({ phase, onCheckAgain }: { phase: Phase; onCheckAgain: () => void }) {
  const t = replyMessages();
  const alert =
    'flex gap-1.5 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-500/40 dark:bg-red-400/10 dark:text-red-100';
  switch (phase.kind) {
    case 'sent':
      return (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
          {t.sent}
        </p>
      );
    case 'refused':
    case 'unconfirmed':
      return (
        <p role="alert" className={alert}>
          <AlertIcon className="mt-0.5 size-4 shrink-0" />
          {phase.kind === 'refused' ? `${t.refused}: ${phase.reason}` : t.unconfirmed}
        </p>
      );
    case 'checking':
      return (
        <p role="status" className="text-sm text-muted">
          {t.checking}
        </p>
      );

    case 'check-failed':
      return (
        <div role="alert" className={cn(alert, 'flex-col items-start')}>
          <p className="flex gap-1.5">
            <AlertIcon className="mt-0.5 size-4 shrink-0" />
            {t.checkFailed}
          </p>
          <button type="button" className={outlineButton} onClick={onCheckAgain}>
            {t.checkAgain}
          </button>
        </div>
      );
    default:
      return null;
  }
}
