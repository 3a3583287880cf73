import { useMemo, useState } from 'react';
import { Badge, neutralTone } from '@/components/ui/badge';
import { Panel } from '@/components/ui/panel';
import { useShowMore } from '@/components/ui/show-more';
import { usePrinting } from '@/lib/use-printing';
import { cn } from '@/lib/cn';
import { formatDateTime, parseDate } from '@/lib/format';
import { messages } from '@/lib/messages';
import type { ScenarioLink, Section } from '@/lib/conversation/conversation-model';

const t = messages.timeline;

interface ScenarioHistory {
  key: string;
  name: string | null;
  /** Oldest first; the last one is where the conversation stands now. */
  links: ScenarioLink[];
}

const timeOf = (link: ScenarioLink) => parseDate(link.createdAt ?? link.updatedAt)?.getTime() ?? 0;

/** Groups links by scenario (pipeline) and orders each group's steps (stages) in time. */
export function groupByScenario(links: ScenarioLink[]): ScenarioHistory[] {
  const groups = new Map<string, ScenarioHistory>();
  for (const link of [...links].sort((a, b) => timeOf(a) - timeOf(b))) {
    const key = link.scenario.id ?? link.scenario.name ?? '';
    const group = groups.get(key) ?? { key, name: link.scenario.name, links: [] };
    group.links.push(link);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function StepDate({ value }: { value: string | null }) {
  const date = parseDate(value);
  return date ? (
    <time dateTime={date.toISOString()} className="text-xs text-muted tabular-nums">
      {formatDateTime(date)}
    </time>
  ) : null;
}

function Step({ link, current }: { link: ScenarioLink; current: boolean }) {
  return (
    <li className="relative pb-3 pl-5 last:pb-0" aria-current={current ? 'step' : undefined}>
      <span
        aria-hidden="true"
        className={cn(
          'absolute top-1 -left-[5px] size-2.5 rounded-full border-2',
          current ? 'border-accent bg-accent' : 'border-line bg-surface',
        )}
      />
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className={cn('break-words', current ? 'font-semibold' : 'text-muted')}>
          {link.step.name ?? t.unknownStep}
        </span>
        {current && (
          <Badge className="border-accent/40 bg-accent/10 text-accent">{t.current}</Badge>
        )}
        {link.available === false && <Badge className={neutralTone}>{t.unavailable}</Badge>}
      </div>
      <StepDate value={link.createdAt ?? link.updatedAt} />
    </li>
  );
}

/** How many of a scenario's latest steps show before "earlier steps" is asked for. */
const RECENT_STEPS = 5;

function ScenarioSteps({ scenario }: { scenario: ScenarioHistory }) {
  const [showEarlier, setShowEarlier] = useState(false);
  const printing = usePrinting();
  const earlier = showEarlier || printing ? 0 : Math.max(0, scenario.links.length - RECENT_STEPS);
  return (
    <li>
      <h3 className="flex flex-wrap items-baseline gap-x-2 font-medium">
        {scenario.name ?? t.unknownScenario}
        <span className="text-xs font-normal text-muted">{t.steps(scenario.links.length)}</span>
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
        {scenario.links.slice(earlier).map((link, index, shown) => (
          <Step
            key={`${link.step.id ?? ''}-${earlier + index}`}
            link={link}
            current={index === shown.length - 1}
          />
        ))}
      </ol>
    </li>
  );
}

/** Where the conversation stands in each CRM pipeline, and how it moved there. */
export function CrmTimeline({ links }: { links: Section<ScenarioLink> }) {
  const scenarios = useMemo(() => groupByScenario(links.items), [links.items]);
  const { shown: shownScenarios, more: moreScenarios } = useShowMore(scenarios, 10);
  return (
    <Panel
      title={messages.panels.timeline}
      count={links.items.length}
      empty={messages.empty.timeline}
      unreadable={links.unreadable}
    >
      <ol className="space-y-4">
        {shownScenarios.map((scenario) => (
          <ScenarioSteps key={scenario.key} scenario={scenario} />
        ))}
      </ol>
      {moreScenarios}
    </Panel>
  );
}
