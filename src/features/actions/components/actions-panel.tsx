import { useEffect, useId, useState, type ReactNode } from 'react';
import { outlineButton } from '@/components/ui/button';
import { Panel } from '@/components/ui/panel';
import { ApiError } from '@/lib/api-client';
import { cn } from '@/lib/cn';
import { isOneOf, type Assignee, type Conversation } from '@/lib/conversation/conversation-model';
import {
  knownPriorities,
  knownStatuses,
  type KnownPriority,
  type KnownStatus,
} from '@/config/conversation-values';
import { messages } from '@/lib/messages';
import { useSession } from '@/lib/session';
import { useShortcut } from '@/lib/use-shortcut';
import { actionsMessages } from '../actions-messages';
import { useConversationWrite, type Change } from '../api/use-conversation-write';
import { actionsBodyHeight } from './actions-skeleton';
import { WriteFailure } from './write-failure';

/** How long "Undo" stays offered after resolving. */
export const UNDO_MS = 10_000;

/** One of a few values, each a button that says whether it is the current one. */
function Choice<T extends string>({
  label,
  options,
  current,
  onChoose,
}: {
  label: string;
  options: readonly { value: T; text: string; keys?: string }[];
  current: string | null;
  onChoose: (value: T) => unknown;
}) {
  const labelId = useId();
  return (
    <div>
      <p id={labelId} className="mb-1 text-xs font-medium text-muted">
        {label}
      </p>
      <div
        role="group"
        aria-labelledby={labelId}
        className="grid grid-cols-3 gap-1 rounded-md bg-subtle p-1"
      >
        {options.map(({ value, text, keys }) => (
          <button
            key={value}
            type="button"
            aria-pressed={current === value}
            aria-keyshortcuts={keys}
            onClick={() => onChoose(value)}
            // Two lines fit in the fixed height: a longer word never moves what is below.
            className={cn(
              'h-10 rounded px-1 text-xs leading-4 focus-visible:outline-2 focus-visible:outline-accent sm:text-sm sm:leading-4',
              current === value
                ? 'bg-surface font-semibold text-ink shadow-sm'
                : 'text-muted hover:bg-surface/60 hover:text-ink',
            )}
          >
            {text}
          </button>
        ))}
      </div>
    </div>
  );
}

function AiSwitch({ enabled, onSwitch }: { enabled: boolean | null; onSwitch: () => void }) {
  const t = actionsMessages();
  const labelId = useId();
  const hintId = useId();
  return (
    <div className="flex items-start justify-between gap-3">
      <div className="min-w-0">
        <p id={labelId} className="text-sm font-medium">
          {t.ai}
        </p>
        {/* Short, so one line on most phones: drawn after the page, the panel's texts must stay
            small, else the largest becomes the page's largest paint. Narrower, it wraps. */}
        <p id={hintId} className="text-xs leading-4 text-muted">
          {enabled === null ? t.aiUnknownExplained : enabled ? t.aiOnExplained : t.aiOffExplained}
        </p>
      </div>
      <button
        type="button"
        role="switch"
        aria-checked={enabled === true}
        aria-labelledby={labelId}
        aria-describedby={hintId}
        aria-keyshortcuts="i"
        onClick={onSwitch}
        className={cn(
          'relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full border-2 border-transparent transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent motion-reduce:transition-none',
          enabled ? 'bg-accent' : 'bg-line',
        )}
      >
        <span
          aria-hidden="true"
          className={cn(
            'size-5 rounded-full bg-surface shadow transition-transform motion-reduce:transition-none',
            enabled ? 'translate-x-5' : 'translate-x-0',
          )}
        />
      </button>
    </div>
  );
}

const sameEmail = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.toLowerCase() === b.toLowerCase();

/**
 * The signed-in agent; null when sign-in is off (nobody is named); undefined while asking, or
 * when the viewer's server cannot say.
 */
function useMe(): Assignee | null | undefined {
  const session = useSession().data;
  if (session?.signIn === 'on') return { id: null, name: session.name, email: session.email };
  return session?.signIn === 'off' ? null : undefined;
}

function Assignment({
  assignees,
  me,
  onAssignToMe,
  onUnassign,
}: {
  assignees: Assignee[];
  me: Assignee | null | undefined;
  /** Absent when the agent has it already, or the viewer does not know who they are. */
  onAssignToMe: (() => void) | undefined;
  onUnassign: () => void;
}) {
  const t = actionsMessages();
  const names = assignees.map((assignee) => {
    const name = assignee.name ?? assignee.email ?? assignee.id ?? '?';
    return me && sameEmail(assignee.email, me.email) ? t.you(name) : name;
  });
  return (
    <div>
      <p className="text-xs font-medium text-muted">{t.assignee}</p>
      <p className={cn('truncate text-sm', names.length === 0 && 'text-muted')}>
        {names.length > 0 ? names.join(', ') : t.nobody}
      </p>
      <div className="mt-2 flex min-h-8 items-center gap-2">
        {onAssignToMe && (
          <button
            type="button"
            aria-keyshortcuts="a"
            className={outlineButton}
            onClick={onAssignToMe}
          >
            {t.assignToMe}
          </button>
        )}
        {assignees.length > 0 && (
          <button type="button" className={outlineButton} onClick={onUnassign}>
            {t.unassign}
          </button>
        )}
        {/* Why there is no "Assign to me". Short for the same reason as the AI's explanation,
            and wrapped rather than cut where the row is too narrow. */}
        {me === null && <p className="min-w-0 text-xs leading-4 text-muted">{t.noIdentity}</p>}
      </div>
    </div>
  );
}

/**
 * What an agent can change on a conversation: status, priority, the AI, who has it. Each change
 * shows at once; a refused one is set back, says why and offers to try again; resolving offers a
 * short Undo; assigning someone else's conversation asks before taking it over.
 */
export function ActionsPanel({ conversation }: { conversation: Conversation }) {
  const t = actionsMessages();
  const write = useConversationWrite(conversation.id);
  const me = useMe();
  const [undoTo, setUndoTo] = useState<KnownStatus | null>(null);

  const change = (next: Change) => {
    const resolving = next.action === 'set-status' && next.body.status === 'RESOLVED';
    // Offered at once, as the new status shows at once; withdrawn if resolving fails.
    const before = conversation.status;
    // Undo sets back a status the API takes: one of the three, other than resolved.
    const undoable = before !== null && before !== 'RESOLVED' && isOneOf(knownStatuses, before);
    setUndoTo(resolving && undoable ? before : null);
    write.mutate(next, { onError: () => setUndoTo(null) });
  };
  // A value already set is not written again (buttons and shortcuts alike).
  const setStatus = (status: KnownStatus) =>
    conversation.status !== status &&
    change({ action: 'set-status', body: { status }, shows: { status } });
  const setPriority = (priority: KnownPriority) =>
    conversation.priority !== priority &&
    change({ action: 'set-priority', body: { priority }, shows: { priority } });
  const switchAi = () => {
    const enabled = conversation.isAiEnabled !== true;
    change({ action: 'set-ai-enabled', body: { enabled }, shows: { isAiEnabled: enabled } });
  };
  const assignees = conversation.assignees.items;
  const mine = me && assignees.some((assignee) => sameEmail(assignee.email, me.email));
  const assignToMe =
    me && !mine
      ? () =>
          change({
            action: 'assign',
            body: {},
            shows: { assignees: { items: [me], unreadable: [] } },
          })
      : undefined;
  const unassign = () =>
    change({ action: 'unassign', body: {}, shows: { assignees: { items: [], unreadable: [] } } });
  const undo = () => undoTo && setStatus(undoTo);

  useShortcut('e', () => setStatus('RESOLVED'));
  useShortcut('s h', () => setStatus('HUMAN_REQUESTED'));
  useShortcut('s u', () => setStatus('UNRESOLVED'));
  useShortcut('p h', () => setPriority('HIGH'));
  useShortcut('p m', () => setPriority('MEDIUM'));
  useShortcut('p l', () => setPriority('LOW'));
  useShortcut('i', switchAi);
  useShortcut('a', () => assignToMe?.(), assignToMe !== undefined);
  useShortcut('z', undo, undoTo !== null);

  useEffect(() => {
    if (undoTo === null) return;
    const timer = setTimeout(() => setUndoTo(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undoTo]);

  const failed = write.isError ? write.variables : undefined;
  const takenOver =
    failed?.action === 'assign' && write.error instanceof ApiError && write.error.status === 409;
  let feedback: ReactNode = null;
  if (takenOver) {
    const holder = assignees[0];
    const name = holder?.name ?? holder?.email;
    feedback = (
      <div
        role="alert"
        className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-500/40 dark:bg-amber-400/10 dark:text-amber-100"
      >
        <p>{name ? t.takenBy(name) : t.takenBySomeone}</p>
        <div className="flex gap-2">
          <button
            type="button"
            className={outlineButton}
            onClick={() => change({ ...failed, body: { force: true } })}
          >
            {t.takeOver}
          </button>
          <button type="button" className={outlineButton} onClick={() => write.reset()}>
            {t.cancel}
          </button>
        </div>
      </div>
    );
  } else if (failed) {
    feedback = (
      <WriteFailure
        what={t.failed[failed.action]}
        error={write.error}
        onRetry={() => change(failed)}
        onDismiss={() => write.reset()}
      />
    );
  }

  return (
    <Panel
      title={messages.panels.actions}
      actions={write.isPending && <span className="text-xs text-muted">{t.saving}</span>}
    >
      <div className={cn('space-y-4', actionsBodyHeight)}>
        <Choice
          label={t.status}
          current={conversation.status}
          onChoose={setStatus}
          options={[
            { value: 'HUMAN_REQUESTED', text: messages.status.HUMAN_REQUESTED, keys: 's h' },
            { value: 'UNRESOLVED', text: messages.status.UNRESOLVED, keys: 's u' },
            { value: 'RESOLVED', text: messages.status.RESOLVED, keys: 'e' },
          ]}
        />
        <Choice
          label={t.priority}
          current={conversation.priority}
          onChoose={setPriority}
          options={knownPriorities.map((value) => ({
            value,
            text: t.priorities[value],
            keys: `p ${value[0]!.toLowerCase()}`,
          }))}
        />
        <AiSwitch enabled={conversation.isAiEnabled} onSwitch={switchAi} />
        <Assignment assignees={assignees} me={me} onAssignToMe={assignToMe} onUnassign={unassign} />
      </div>
      {feedback && <div className="mt-3">{feedback}</div>}
      {/* In the page from the start, so screen readers announce what appears in it. */}
      <div
        role="status"
        className={cn(
          'fixed inset-x-3 bottom-4 z-40 mx-auto flex w-fit max-w-[calc(100vw-1.5rem)] items-center gap-3 rounded-md bg-ink px-3 py-2 text-sm text-surface shadow-lg',
          undoTo === null && 'hidden',
        )}
      >
        {undoTo !== null && (
          <>
            {t.resolved}
            <button
              type="button"
              aria-keyshortcuts="z"
              onClick={undo}
              className="rounded px-1.5 py-0.5 font-semibold underline focus-visible:outline-2 focus-visible:outline-surface"
            >
              {t.undo}
            </button>
          </>
        )}
      </div>
    </Panel>
  );
}
