/**
 * The CRM timeline's moves: the history's logs merged with the conversation's current links,
 * grouped by scenario (pipeline), each scenario's moves (steps it entered) in time order.
 */
import { parseDate } from '@/lib/format';
import type { ScenarioLink } from '@/lib/conversation/conversation-model';
import type { CrmLog } from '../api/crm-history-model';

export interface Move {
  key: string;
  /** The step's name as the links give it; a step the conversation has left has none. */
  stepName: string | null;
  stepIndex: number | null;
  at: string | null;
  /** The log's status; null for a link the history does not hold (yet, or at all). */
  status: string | null;
  /** The link's `available`; null for a move only the history knows. */
  available: boolean | null;
  /** Where the conversation stands now in its scenario: its latest link. */
  current: boolean;
}

export interface ScenarioMoves {
  key: string;
  name: string | null;
  /** Oldest first. */
  moves: Move[];
}

interface Placed {
  scenarioId: string | null;
  scenarioName: string | null;
  move: Move;
  linked: boolean;
}

const timeOf = (at: string | null) => parseDate(at)?.getTime() ?? 0;
const logTime = (log: CrmLog) => log.createdAt ?? log.updatedAt;
const pairOf = (scenarioId: string | null, stepId: string | null) =>
  scenarioId !== null && stepId !== null ? JSON.stringify([scenarioId, stepId]) : null;

/**
 * A link and the latest log of its scenario and step are one move, told twice: it keeps the
 * log's time and status and the link's name and availability. Other logs are earlier moves.
 */
function place(links: ScenarioLink[], logs: CrmLog[]): Placed[] {
  const latestLog = new Map<string, CrmLog>();
  for (const log of logs) {
    const pair = pairOf(log.scenario.id, log.step.id);
    const latest = pair === null ? undefined : latestLog.get(pair);
    if (pair !== null && (!latest || timeOf(logTime(log)) >= timeOf(logTime(latest)))) {
      latestLog.set(pair, log);
    }
  }
  const linkOfLog = new Map<CrmLog, ScenarioLink>();
  const placed: Placed[] = [];
  links.forEach((link, index) => {
    const pair = pairOf(link.scenario.id, link.step.id);
    const log = pair === null ? undefined : latestLog.get(pair);
    if (log && !linkOfLog.has(log)) {
      linkOfLog.set(log, link);
      return;
    }
    placed.push({
      scenarioId: link.scenario.id,
      scenarioName: link.scenario.name,
      linked: true,
      move: {
        key: `link:${index}`,
        stepName: link.step.name,
        stepIndex: null,
        // One link per scenario, moved from step to step: its last change is when it got here.
        at: link.updatedAt ?? link.createdAt,
        status: null,
        available: link.available,
        current: false,
      },
    });
  });
  const stepNames = new Map(links.map((link) => [link.step.id, link.step.name]));
  logs.forEach((log, index) => {
    const link = linkOfLog.get(log);
    placed.push({
      scenarioId: log.scenario.id,
      scenarioName: link?.scenario.name ?? log.scenario.name,
      linked: link !== undefined,
      move: {
        key: log.id === null ? `log-at:${index}` : `log:${log.id}`,
        stepName:
          link?.step.name ?? (log.step.id === null ? null : stepNames.get(log.step.id)) ?? null,
        stepIndex: log.step.index,
        at: logTime(log) ?? link?.updatedAt ?? link?.createdAt ?? null,
        status: log.status,
        available: link?.available ?? null,
        current: false,
      },
    });
  });
  return placed;
}

/** Every move, by scenario in the order they were entered, each scenario's latest link current. */
export function scenarioMoves(links: ScenarioLink[], logs: CrmLog[]): ScenarioMoves[] {
  const placed = place(links, logs).sort((a, b) => timeOf(a.move.at) - timeOf(b.move.at));
  const groups = new Map<string, ScenarioMoves & { current: Move | null }>();
  for (const { scenarioId, scenarioName, move, linked } of placed) {
    const key = scenarioId ?? scenarioName ?? '';
    const group = groups.get(key) ?? { key, name: null, moves: [], current: null };
    group.name ??= scenarioName;
    group.moves.push(move);
    if (linked) group.current = move;
    groups.set(key, group);
  }
  return [...groups.values()].map(({ current, ...group }) => ({
    ...group,
    moves: group.moves.map((move) => (move === current ? { ...move, current: true } : move)),
  }));
}
