/**
 * `npm run bench`: builds the live app, serves it with a bench-only upstream, measures it
 * (Lighthouse against a static baseline, the 5 MB conversation, the open queue, an agent's change
 * and reply, memory over 200 conversations),
 * writes bench/results.json, prints a table, and exits 1 when a budget in budgets.json is missed
 * (2 when the bench itself fails).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { measureActions, type ActionFigures } from './actions.ts';
import { writeBaseline } from './baseline.ts';
import { launchBrowser } from './browser.ts';
import { measureBundle } from './bundle-size.ts';
import {
  appPath,
  baselinePath,
  baseUrl,
  budgetsFile,
  conversationsVisited,
  distDir,
  hugeRuns,
  lighthouseRuns,
  queueRuns,
  outDir,
  resultsFile,
} from './config.ts';
import { measureHuge, type HugeFigures } from './huge.ts';
import { measureLiveQueue } from './live-queue.ts';
import { killLighthouseChromeNow, runLighthouse, type LighthouseFigures } from './lighthouse.ts';
import { measureMemory } from './memory.ts';
import { measureQueue, type QueueFigures } from './queue.ts';
import { measureReply } from './reply.ts';
import { measureTeam, totalCalls } from './team.ts';
import { profileHuge, profileSmall } from './profile.ts';
import { judge, printTable, readBudgets } from './report.ts';
import { buildLive, killServersNow, startServers, stopServers } from './servers.ts';
import { buildRows, ms, printDiagnostics, type Measurements } from './table.ts';
import { traceHugeLoad } from './trace.ts';

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const step = (text: string) => console.log(`\n▸ ${text} (t+${elapsed()})`);

// Servers and browsers must not outlive the bench, whatever ends it. (Playwright ends its own
// browsers on exit; chrome-launcher only on its own SIGINT handler, which may run after ours.)
process.on('exit', killServersNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killLighthouseChromeNow();
    killServersNow();
    process.exit(130);
  });
}

async function lighthouseAlternating() {
  const app: LighthouseFigures[] = [];
  const baseline: LighthouseFigures[] = [];
  // Alternating, so drift in the machine's load touches both pages alike.
  for (let run = 1; run <= lighthouseRuns; run += 1) {
    for (const [label, path, into] of [
      ['app', appPath, app],
      ['baseline', baselinePath, baseline],
    ] as const) {
      const figures = await runLighthouse(`${baseUrl}${path}`, `${label}-${run}`);
      into.push(figures);
      console.log(
        `  ${label} ${run}/${lighthouseRuns}: score ${figures.score}, FCP ${ms(figures.fcpMs)} ms, ` +
          `LCP ${ms(figures.lcpMs)} ms, TBT ${ms(figures.tbtMs)} ms, CLS ${figures.cls.toFixed(3)}`,
      );
    }
  }
  return { app, baseline };
}

async function inPlaywright(): Promise<Omit<Measurements, 'bundle' | 'lighthouse'>> {
  const browser = await launchBrowser();
  try {
    step(`conv_huge, ${hugeRuns} runs`);
    const huge: HugeFigures[] = [];
    for (let run = 1; run <= hugeRuns; run += 1) {
      const figures = await measureHuge(browser);
      huge.push(figures);
      console.log(
        `  run ${run}: content at ${ms(figures.navigationToContentMs)} ms ` +
          `(${ms(figures.responseToContentMs)} ms after the response), load long tasks ` +
          `${figures.loadLongTasks} (longest ${ms(figures.loadLongestTaskMs)} ms), ` +
          `filter ${ms(figures.filterMs)} ms`,
      );
    }
    step(`the open queue (3,000 in 31 pages), ${queueRuns} runs`);
    const queue: QueueFigures[] = [];
    for (let run = 1; run <= queueRuns; run += 1) {
      const figures = await measureQueue(browser);
      queue.push(figures);
      console.log(
        `  run ${run}: ${figures.pages} pages; first rows ${ms(figures.firstPageToRowsMs)} ms and ` +
          `complete ${ms(figures.firstPageToCompleteMs)} ms after the first page; longest task ` +
          `${ms(figures.streamLongestTaskMs)} ms`,
      );
    }

    step('the live open queue: 5 newcomers above the agent’s place');
    const liveQueue = await measureLiveQueue(browser);
    console.log(
      `  stored → shown: ${liveQueue.storedToShownMs.map(ms).join(', ')} ms; selected row moved ` +
        `${liveQueue.selectedRowMovedPx.map(ms).join(', ')} px; focus held ` +
        `${liveQueue.focusHeld.join(', ')}`,
    );

    step('an agent’s change on the conversation page, 6 clicks');
    const actions: ActionFigures = await measureActions(browser);
    console.log(`  click → shown: ${actions.clickToShownMs.map(ms).join(', ')} ms`);

    step('the reply on conv_huge, 1,000 messages: 5 sends, 5 customer messages');
    const reply = await measureReply(browser);
    console.log(
      `  send → shown: ${reply.sendToShownMs.map(ms).join(', ')} ms; customer → painted: ` +
        `${reply.customerToPaintedMs.map(ms).join(', ')} ms (longest tasks ` +
        `${reply.liveLongestTaskMs.map(ms).join(', ')} ms)`,
    );

    step('a team on one copy: one agent for 60 s, then 50');
    const team = await measureTeam();
    console.log(
      `  calls that reached the API: ${totalCalls(team.alone.calls)} for one agent, ` +
        `${totalCalls(team.team.calls)} for ${team.team.agents}`,
    );

    step('CPU profiles and a trace (not timed)');
    const profile = [await profileSmall(browser), ...(await profileHuge(browser))];
    const trace = await traceHugeLoad(browser);

    step(`memory over ${conversationsVisited} conversations`);
    const memory = await measureMemory(browser, conversationsVisited);
    return { huge, queue, liveQueue, actions, reply, team, profile, trace, memory };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<number> {
  const budgets = readBudgets(budgetsFile);
  mkdirSync(outDir, { recursive: true });

  step('building the live app into dist-bench');
  await buildLive();
  const bundle = measureBundle(distDir);

  step('starting the bench upstream and vite preview');
  await startServers();

  step('writing the static baseline');
  const browser = await launchBrowser();
  const chromium = browser.version();
  try {
    await writeBaseline(browser);
  } finally {
    // Closed during Lighthouse: an idle browser still spends CPU this 2-core machine needs.
    await browser.close();
  }

  step(`Lighthouse, ${lighthouseRuns} runs each, app and baseline alternating`);
  const lighthouse = await lighthouseAlternating();
  const measurements: Measurements = { bundle, lighthouse, ...(await inPlaywright()) };
  await stopServers();

  const rows = buildRows(measurements);
  const verdicts = judge(rows, budgets);
  const pass = verdicts.every((verdict) => verdict.pass);
  const results = {
    date: new Date().toISOString(),
    durationSeconds: Math.round((performance.now() - started) / 1000),
    machine: { cpus: cpus().length, loadAverage: loadavg(), node: process.version, chromium },
    settings: { lighthouseRuns, hugeRuns, queueRuns, conversationsVisited },
    ...measurements,
    table: rows.map(({ metric, app, baseline, ratio }) => ({ metric, app, baseline, ratio })),
    verdicts,
    pass,
  };
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

  console.log('');
  printTable(rows, verdicts);
  printDiagnostics(measurements);
  console.log(
    `\n${verdicts.filter((verdict) => verdict.pass).length}/${verdicts.length} budgets met; ` +
      `bench/results.json written; ${elapsed()} in all.`,
  );
  for (const verdict of verdicts.filter((candidate) => !candidate.pass)) {
    console.log(`  missed: ${verdict.budget} (${verdict.limit.why ?? ''})`);
  }
  return pass ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error);
  process.exitCode = 2;
} finally {
  await stopServers();
  // Nothing may keep the bench alive after its verdict (a browser left open by an error would).
  process.exit();
}
