import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { Badge, neutralTone } from '@/components/ui/badge';
import { AlertIcon, RefreshIcon } from '@/components/ui/icons';
import { Panel } from '@/components/ui/panel';
import { useShowMore } from '@/components/ui/show-more';
import { usePastFirstRender } from '@/lib/first-render';
import { usePrinting } from '@/lib/use-printing';
import { cn } from '@/lib/cn';
import { formatDateTime, parseDate } from '@/lib/format';
import { messages } from '@/lib/messages';
import { isOneOf, type ScenarioLink, type Section } from '@/lib/conversation/conversation-model';
import { crmHistoryQueries } from '../api/crm-history';
import type { CrmLog } from '../api/crm-history-model';
import { scenarioMoves, type Move, type ScenarioMoves } from './crm-moves';

const t = messages.timeline;

/** Statuses a move is marked with, in words; `active` is what a move is unless told otherwise. */
const markedStatuses = ['inactive', 'error'] as const;
const statusLook = {
  inactive: { className: neutralTone, icon: null },
  error: {
    className:
      'border-red-600/50 bg-red-50 text-red-900 dark:border-red-400/50 dark:bg-red-400/10 dark:text-red-100',
    icon: <AlertIcon className="size-3.5" />,
  },
} satisfies Record<(typeof markedStatuses)[number], { className: string; icon: ReactNode }>;

function LogStatusBadge({ status }: { status: string | null }) {
  if (status === null || status === 'active') return null;
  if (!isOneOf(markedStatuses, status)) return <Badge className={neutralTone}>{status}</Badge>;
  const look = statusLook[status];
  return (
    <Badge className={look.className}>
      {look.icon}
      {t.logStatus[status]}
    </Badge>
  );
}

function StepDate({ value }: { value: string | null }) {
  const date = parseDate(value);
  return date ? (
    <time dateTime={date.toISOString()} className="text-xs text-muted tabular-nums">
      {formatDateTime(date)}
    </time>
  ) : null;
}

/** The links name a step; a step the conversation has left is known by its index (from 0). */
const stepLabel = (move: Move) =>
  move.stepName ?? (move.stepIndex === null ? t.unknownStep : t.stepNumber(move.stepIndex + 1));

function Step({ move }: { move: Move }) {
  const { current, status } = move;
  return (
    <li className="relative pb-3 pl-5 last:pb-0" aria-current={current ? 'step' : undefined}>
      <span
        aria-hidden="true"
        className={cn(
          'absolute top-1 -left-[5px] size-2.5 rounded-full border-2',
          current ? 'border-accent bg-accent' : 'border-line bg-surface',
          status === 'error' && 'border-red-600 dark:border-red-400',
        )}
      />
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span
          className={cn(
            'break-words',
            current ? 'font-semibold' : 'text-muted',
            status === 'inactive' && 'text-muted',
          )}
        >
          {stepLabel(move)}
        </span>
        {current && (
          <Badge className="border-accent/40 bg-accent/10 text-accent">{t.current}</Badge>
        )}
        <LogStatusBadge status={status} />
        {move.available === false && <Badge className={neutralTone}>{t.unavailable}</Badge>}
      </div>
      <StepDate value={move.at} />
    </li>
  );
}

/** How many of a scenario's latest steps show before "earlier steps" is asked for. */
const RECENT_STEPS = 5;

function ScenarioSteps({ scenario }: { scenario: ScenarioMoves }) {
  const [showEarlier, setShowEarlier] = useState(false);
  const printing = usePrinting();
  const earlier = showEarlier || printing ? 0 : Math.max(0, scenario.moves.length - RECENT_STEPS);
  return (
    <li>
      <h3 className="flex flex-wrap items-baseline gap-x-2 font-medium">
        {scenario.name ?? t.unknownScenario}
        <span className="text-xs font-normal text-muted">{t.steps(scenario.moves.length)}</span>
      </h3>
      {earlier > 0 && (
        <button
          type="button"
          onClick={() => setShowEarlier(true)}
          className="mt-1 text-xs font-medium text-accent hover:underline"
        >
          {t.showEarlier(earlier)}
        </button>
      )}
      <ol className="mt-2 ml-1.5 border-l border-line">
        {scenario.moves.slice(earlier).map((move) => (
          <Step key={move.key} move={move} />
        ))}
      </ol>
    </li>
  );
}

/** Why the timeline shows the links alone: a plan without CRM, quietly; a failure, with Retry. */
function HistoryNotice({ kind, onRetry }: { kind: 'unavailable' | 'failed'; onRetry: () => void }) {
  if (kind === 'unavailable') return <p className="text-xs text-muted">{t.historyUnavailable}</p>;
  return (
    <p role="status" className="flex flex-wrap items-center gap-2 text-xs">
      <AlertIcon className="size-3.5 shrink-0 text-red-600 dark:text-red-400" />
      {t.historyFailed}
      <button
        type="button"
        onClick={onRetry}
        className="inline-flex items-center gap-1 rounded-md border border-line px-2 py-0.5 font-medium hover:bg-subtle print:hidden"
      >
        <RefreshIcon className="size-3.5" />
        {messages.errors.retry}
      </button>
    </p>
  );
}

const noLogs: Section<CrmLog> = { items: [], unreadable: [] };

/**
 * Where the conversation stands in each CRM pipeline, and every move that brought it there: the
 * conversation's links at once, the history's moves as soon as they arrive.
 */
export function CrmTimeline({
  conversationId,
  links,
}: {
  conversationId: string;
  links: Section<ScenarioLink>;
}) {
  const history = useQuery(crmHistoryQueries.of(conversationId));
  // The server draws the links alone, so the browser's first render does too (it takes that
  // markup over); the history, whether cached or on its way, joins right after.
  const pastFirstRender = usePastFirstRender();
  const logs = pastFirstRender && history.data?.kind === 'available' ? history.data.logs : noLogs;
  const scenarios = useMemo(
    () => scenarioMoves(links.items, logs.items),
    [links.items, logs.items],
  );
  const { shown: shownScenarios, more: moreScenarios } = useShowMore(scenarios, 10);
  const moveCount = scenarios.reduce((sum, scenario) => sum + scenario.moves.length, 0);
  // A failed refresh keeps the history in hand, under the same notice.
  const notice = history.isError ? 'failed' : history.data?.kind === 'unavailable' && 'unavailable';
  return (
    <Panel
      title={messages.panels.timeline}
      count={moveCount}
      empty={messages.empty.timeline}
      unreadable={[...links.unreadable, ...logs.unreadable]}
    >
      {/* In the body, not beside the title: on a phone the title needs the width. */}
      {pastFirstRender && notice && (
        <div className="mb-3">
          <HistoryNotice kind={notice} onRetry={() => void history.refetch()} />
        </div>
      )}
      <ol className="space-y-4">
        {shownScenarios.map((scenario) => (
          <ScenarioSteps key={scenario.key} scenario={scenario} />
        ))}
      </ol>
      {moreScenarios}
    </Panel>
  );
}
