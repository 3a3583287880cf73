/** The bench's figures as table rows (with the budget each is held to) and the diagnostics below. */
import type { ActionFigures } from './actions.ts';
import type { BundleSize } from './bundle-size.ts';
import type { HugeFigures } from './huge.ts';
import type { LiveQueueFigures } from './live-queue.ts';
import type { LighthouseFigures } from './lighthouse.ts';
import type { MemoryFigures } from './memory.ts';
import type { PhaseProfile } from './profile.ts';
import type { QueueFigures } from './queue.ts';
import type { ReplyFigures } from './reply.ts';
import { totalCalls, type TeamFigures } from './team.ts';
import { spread, type Row } from './report.ts';
import type { MainThreadShare } from './trace.ts';

export interface Measurements {
  bundle: BundleSize;
  lighthouse: { app: LighthouseFigures[]; baseline: LighthouseFigures[] };
  huge: HugeFigures[];
  queue: QueueFigures[];
  liveQueue: LiveQueueFigures;
  actions: ActionFigures;
  reply: ReplyFigures;
  team: TeamFigures;
  memory: MemoryFigures;
  profile: PhaseProfile[];
  trace: MainThreadShare[];
}

const percentile = (values: number[], share: number) =>
  values.toSorted((a, b) => a - b)[
    Math.min(values.length - 1, Math.floor(values.length * share))
  ] ?? NaN;

const KiB = 1024;
const MiB = 1024 * 1024;
export const ms = (value: number) => value.toFixed(0);
const kib = (value: number) => value.toFixed(1);
const mib = (value: number) => value.toFixed(2);

export function buildRows({
  bundle,
  lighthouse,
  huge,
  queue,
  liveQueue,
  actions,
  reply,
  team,
  memory,
}: Measurements): Row[] {
  const lh = (pick: (figures: LighthouseFigures) => number, scale = 1) => {
    const app = spread(lighthouse.app.map((figures) => pick(figures) / scale));
    const baseline = spread(lighthouse.baseline.map((figures) => pick(figures) / scale));
    return { app, baseline, ratio: app.median / baseline.median };
  };
  const hg = (pick: (figures: HugeFigures) => number) => spread(huge.map(pick));
  const oq = (pick: (figures: QueueFigures) => number) => spread(queue.map(pick));
  const single = (value: number) => spread([value]);
  const budget = (key: string, on: 'app' | 'ratio' = 'app') => ({ budget: { key, on } });

  return [
    {
      metric: 'initial JS, gzip (KiB)',
      app: single(bundle.initialJsGzipBytes / KiB),
      ...budget('initialJsGzipKiB'),
      format: kib,
    },
    {
      metric: 'CSS, gzip (KiB)',
      app: single(bundle.cssGzipBytes / KiB),
      ...budget('cssGzipKiB'),
      format: kib,
    },
    {
      metric: 'Lighthouse performance score',
      ...lh((f) => f.score),
      ...budget('lighthouseScore'),
      format: ms,
    },
    { metric: 'Lighthouse FCP (ms)', ...lh((f) => f.fcpMs), format: ms },
    {
      metric: 'Lighthouse LCP (ms)',
      ...lh((f) => f.lcpMs),
      ...budget('lcpToBaseline', 'ratio'),
      format: ms,
    },
    { metric: 'Lighthouse TBT (ms)', ...lh((f) => f.tbtMs), format: ms },
    {
      metric: 'Lighthouse CLS',
      ...lh((f) => f.cls),
      ...budget('lighthouseCls'),
      format: (value) => value.toFixed(3),
    },
    { metric: 'Lighthouse JS transferred (KiB)', ...lh((f) => f.jsBytes, KiB), format: kib },
    { metric: 'Lighthouse CSS transferred (KiB)', ...lh((f) => f.cssBytes, KiB), format: kib },
    {
      metric: 'conv_huge: navigation → content (ms)',
      app: hg((f) => f.navigationToContentMs),
      format: ms,
    },
    {
      metric: 'conv_huge: navigation → conversation received (ms)',
      app: hg((f) => f.responseEndMs),
      format: ms,
    },
    {
      metric: 'conv_huge: conversation received → content (ms)',
      app: hg((f) => f.responseToContentMs),
      ...budget('hugeResponseToContentMs'),
      format: ms,
    },
    { metric: 'conv_huge: long tasks during load', app: hg((f) => f.loadLongTasks), format: ms },
    {
      metric: 'conv_huge: longest task during load (ms)',
      app: hg((f) => f.loadLongestTaskMs),
      format: ms,
    },
    {
      metric: 'conv_huge: long tasks while scrolling',
      app: hg((f) => f.scrollLongTasks),
      format: ms,
    },
    {
      metric: 'conv_huge: longest task while scrolling (ms)',
      app: hg((f) => f.scrollLongestTaskMs),
      ...budget('hugeLongestTaskScrollingMs'),
      format: ms,
    },
    {
      metric: 'conv_huge: type filter → "1 of 5,000" (ms)',
      app: hg((f) => f.filterMs),
      format: ms,
    },
    {
      metric: 'conv_huge: long tasks while filtering',
      app: hg((f) => f.filterLongTasks),
      format: ms,
    },
    {
      metric: 'conv_huge: longest task while filtering (ms)',
      app: hg((f) => f.filterLongestTaskMs),
      ...budget('hugeLongestTaskFilteringMs'),
      format: ms,
    },
    {
      metric: 'open queue: first page → first rows (ms)',
      app: oq((f) => f.firstPageToRowsMs),
      ...budget('queueFirstRowsMs'),
      format: ms,
    },
    {
      metric: 'open queue: first page → complete order (ms)',
      app: oq((f) => f.firstPageToCompleteMs),
      ...budget('queueCompleteMs'),
      format: ms,
    },
    {
      metric: 'open queue: longest task while pages stream in (ms)',
      app: oq((f) => f.streamLongestTaskMs),
      ...budget('queueLongestTaskMs'),
      format: ms,
    },
    {
      metric: 'live queue: a new conversation in the API → shown on the open list (ms)',
      app: spread(liveQueue.storedToShownMs),
      ...budget('liveQueueShownMs'),
      format: ms,
    },
    {
      metric: 'live queue: longest task until it is shown (ms)',
      app: spread(liveQueue.longestTaskMs),
      ...budget('liveQueueLongestTaskMs'),
      format: ms,
    },
    {
      metric: 'live queue: the selected row moved on screen, largest (px)',
      app: single(Math.max(...liveQueue.selectedRowMovedPx)),
      ...budget('liveQueueSelectedMovedPx'),
      format: ms,
    },
    {
      metric: 'action: click → new value shown, API still answering (ms)',
      app: spread(actions.clickToShownMs),
      ...budget('actionShownMs'),
      format: ms,
    },
    {
      metric: `reply: Send → shown as sending, API still answering, ${reply.messagesLoaded} messages (ms)`,
      app: spread(reply.sendToShownMs),
      ...budget('replySendShownMs'),
      format: ms,
    },
    {
      metric: 'reply: a customer’s message in the API → painted on the open page (ms)',
      app: spread(reply.customerToPaintedMs),
      ...budget('replyLiveMs'),
      format: ms,
    },
    {
      metric: 'reply: longest task until that message is painted (ms)',
      app: spread(reply.liveLongestTaskMs),
      ...budget('replyLiveLongestTaskMs'),
      format: ms,
    },
    {
      metric: `team of ${team.team.agents}, 60 s: calls that reached the API (one agent alone as baseline)`,
      app: single(totalCalls(team.team.calls)),
      baseline: single(totalCalls(team.alone.calls)),
      ratio: totalCalls(team.team.calls) / totalCalls(team.alone.calls),
      ...budget('teamCallsRatio', 'ratio'),
      format: ms,
    },
    {
      metric: `team of ${team.team.agents}: a customer's message to the agents' transcript reads (ms; one agent alone as baseline)`,
      app: spread(team.team.customerSeenMs),
      baseline: spread(team.alone.customerSeenMs),
      ...budget('teamCustomerSeenMs'),
      format: ms,
    },
    {
      metric: `team of ${team.team.agents}: the proxy's answer time, p95 (ms)`,
      app: single(percentile(team.team.answerMs, 0.95)),
      baseline: single(percentile(team.alone.answerMs, 0.95)),
      ...budget('teamAnswerP95Ms'),
      format: ms,
    },
    {
      metric: `team of ${team.team.agents}: the proxy's memory growth in 60 s (MiB)`,
      app: single((team.memoryAfterBytes - team.memoryBeforeBytes) / MiB),
      ...budget('teamMemoryGrowthMiB'),
      format: mib,
    },
    {
      metric: 'JS heap after the 1st conversation (MiB)',
      app: single(memory.first.heapUsedBytes / MiB),
      format: mib,
    },
    {
      metric: `JS heap after ${memory.conversations} conversations (MiB)`,
      app: single(memory.last.heapUsedBytes / MiB),
      format: mib,
    },
    {
      metric: 'JS heap growth (MiB)',
      app: single(memory.heapGrowthBytes / MiB),
      ...budget('heapGrowthMiB'),
      format: mib,
    },
  ];
}

/** What explains the figures: LCP elements, the main thread's breakdown, the hottest functions. */
export function printDiagnostics({ lighthouse, memory, profile, trace, team }: Measurements): void {
  const byKind = ({ calls }: TeamFigures['alone']) =>
    `${calls.list} list pages, ${calls.messages} transcripts, ${calls.conversation} conversations`;
  console.log(
    `\nCalls that reached the API in 60 s: one agent ${byKind(team.alone)}; ` +
      `${team.team.agents} agents ${byKind(team.team)} (${team.team.failed} answers not 200; ` +
      `proxy memory ${mib(team.memoryBeforeBytes / MiB)} → ${mib(team.memoryAfterBytes / MiB)} MiB)`,
  );
  console.log(
    `Customers' messages not yet in a transcript read at the end of the run: one agent ` +
      `${team.alone.customerUnseen}, ${team.team.agents} agents ${team.team.customerUnseen}`,
  );
  const lcpElements = (runs: LighthouseFigures[]) =>
    [...new Set(runs.map((figures) => figures.lcpElement))].join(' / ');
  console.log(`\nLCP element: app      ${lcpElements(lighthouse.app)}`);
  console.log(`             baseline ${lcpElements(lighthouse.baseline)}`);
  console.log(
    `\nDOM nodes / listeners: ${memory.first.domNodes} / ${memory.first.jsEventListeners} after ` +
      `the 1st conversation, ${memory.last.domNodes} / ${memory.last.jsEventListeners} after ` +
      `${memory.conversations}; median client-side navigation ${ms(memory.navigationMedianMs)} ms`,
  );
  console.log('\nWhere the main thread goes while conv_huge loads (trace, self time):');
  console.log(`  ${trace.map((row) => `${row.event} ${row.selfMs} ms`).join(', ')}`);
  for (const phase of profile) {
    console.log(`\nCPU profile, ${phase.phase} (${phase.sampledMs} ms sampled, not idle):`);
    console.log('  hottest (self; "(program)" is native work: style, layout, text decoding…):');
    for (const row of phase.bySelf.slice(0, 8)) {
      console.log(`    ${String(row.selfMs).padStart(5)} ms  ${row.name}  ${row.where}`);
    }
    console.log('  app functions (inclusive):');
    for (const row of phase.appByTotal.slice(0, 8)) {
      console.log(`    ${String(row.totalMs).padStart(5)} ms  ${row.name}  ${row.where}`);
    }
  }
}
