/**
 * Where the main thread's time goes on the 5 MB conversation: a V8 CPU profile of its load and of
 * filtering its variables, with minified frames mapped back to source through the build's maps.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename, join } from 'node:path';
import type { Browser, CDPSession } from '@playwright/test';
import { appPath, baseUrl, distDir, hugePath, outDir } from './config.ts';
import { waitForTextInPage } from './browser.ts';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotFunction {
  name: string;
  where: string;
  selfMs: number;
  totalMs: number;
}

export interface PhaseProfile {
  phase: string;
  sampledMs: number;
  /** Highest self time: where the CPU actually is. */
  bySelf: HotFunction[];
  /** Highest inclusive time among the app's own functions (src/): which component costs. */
  appByTotal: HotFunction[];
}

const maps = new Map<string, { map: SourceMap; contents: Map<string, string[]> } | null>();

function sourceMapFor(url: string) {
  const file = basename(new URL(url).pathname);
  if (!maps.has(file)) {
    const path = join(distDir, 'assets', `${file}.map`);
    if (!existsSync(path)) {
      maps.set(file, null);
    } else {
      const payload = JSON.parse(readFileSync(path, 'utf8')) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      const contents = new Map<string, string[]>();
      payload.sources.forEach((source, index) =>
        contents.set(source, (payload.sourcesContent?.[index] ?? '').split('\n')),
      );
      maps.set(file, { map: new SourceMap(payload as never), contents });
    }
  }
  return maps.get(file) ?? null;
}

const shortPath = (source: string) =>
  source.replace(/^.*?node_modules\//, '').replace(/^(\.\.\/)*(.*?\/)?src\//, 'src/');

/** The identifier a source line declares, when the map itself names none. */
function declaredName(line: string, column: number): string | undefined {
  const rest = line.slice(Math.max(0, column - 40));
  return (
    /function\*?\s+([\w$]+)/.exec(rest)?.[1] ??
    /(?:const|let|var)\s+([\w$]+)\s*=/.exec(rest)?.[1] ??
    /([\w$]+)\s*[:=]\s*(?:async\s*)?(?:function|\()/.exec(rest)?.[1] ??
    /([\w$]+)\s*\(/.exec(line.slice(column))?.[1]
  );
}

function describe(frame: CallFrame): { name: string; where: string } {
  const fallback = {
    name: frame.functionName || '(anonymous)',
    where: frame.url ? `${basename(frame.url)}:${frame.lineNumber + 1}` : '',
  };
  if (!frame.url.startsWith(baseUrl)) return fallback;
  // V8 files a module's top-level code under a nameless function at its very start.
  if (!frame.functionName && frame.lineNumber === 0 && frame.columnNumber === 0) {
    return { name: '(module top level)', where: basename(frame.url) };
  }
  const source = sourceMapFor(frame.url);
  if (!source) return fallback;
  const entry = source.map.findEntry(frame.lineNumber, frame.columnNumber) as {
    originalSource?: string;
    originalLine?: number;
    originalColumn?: number;
    name?: string;
  };
  if (!entry.originalSource) return fallback;
  const key = [...source.contents.keys()].find((candidate) =>
    entry.originalSource!.endsWith(candidate.replace(/^(\.\.\/)+/, '')),
  );
  const line = key ? (source.contents.get(key)?.[entry.originalLine ?? 0] ?? '') : '';
  // An anonymous function (an arrow passed to map, useMemo, …) keeps that name: the map would
  // otherwise name it after whatever token sits at its start.
  const name = frame.functionName
    ? (entry.name ?? declaredName(line, entry.originalColumn ?? 0) ?? frame.functionName)
    : '(anonymous)';
  return {
    name,
    where: `${shortPath(entry.originalSource)}:${(entry.originalLine ?? 0) + 1}`,
  };
}

export function summarizeProfile(phase: string, profile: Profile, top = 12): PhaseProfile {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const labels = new Map<number, { name: string; where: string }>();
  const labelOf = (id: number) => {
    if (!labels.has(id)) labels.set(id, describe(byId.get(id)!.callFrame));
    return labels.get(id)!;
  };

  const self = new Map<string, HotFunction>();
  const total = new Map<string, HotFunction>();
  const add = (
    table: Map<string, HotFunction>,
    id: number,
    ms: number,
    field: 'selfMs' | 'totalMs',
  ) => {
    const { name, where } = labelOf(id);
    const key = `${name}@${where}`;
    const row = table.get(key) ?? { name, where, selfMs: 0, totalMs: 0 };
    row[field] += ms;
    table.set(key, row);
  };

  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let sampledMs = 0;
  samples.forEach((id, index) => {
    // A sample stands for the time until the next one.
    const ms = (deltas[index + 1] ?? 0) / 1000;
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') return;
    sampledMs += ms;
    add(self, id, ms, 'selfMs');
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { name, where } = labelOf(at);
      const key = `${name}@${where}`;
      if (seen.has(key) || !where.startsWith('src/')) continue;
      seen.add(key);
      add(total, at, ms, 'totalMs');
    }
  });
  const round = (row: HotFunction) => ({
    ...row,
    selfMs: Math.round(row.selfMs),
    totalMs: Math.round(row.totalMs),
  });
  return {
    phase,
    sampledMs: Math.round(sampledMs),
    bySelf: [...self.values()]
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top)
      .map(round),
    appByTotal: [...total.values()]
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, top)
      .map(round),
  };
}

async function record(cdp: CDPSession, phase: string, work: () => Promise<void>) {
  await cdp.send('Profiler.start');
  await work();
  const { profile } = await cdp.send('Profiler.stop');
  mkdirSync(outDir, { recursive: true });
  // Open in Chrome DevTools (Performance panel, "Load profile") for the full picture.
  writeFileSync(join(outDir, `${phase}.cpuprofile`), JSON.stringify(profile));
  return summarizeProfile(phase, profile);
}

async function profiledPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  return { context, page, cdp };
}

/** The small example conversation's load, for comparison: start-up cost without data cost. */
export async function profileSmall(browser: Browser): Promise<PhaseProfile> {
  const { context, page, cdp } = await profiledPage(browser);
  try {
    return await record(cdp, 'conv_abc123-load', async () => {
      await page.goto(`${baseUrl}${appPath}`, { waitUntil: 'commit' });
      await waitForTextInPage(page, 'h1', 'Customer X support');
      await page.waitForTimeout(300);
    });
  } finally {
    await context.close();
  }
}

/** Profiled separately from the timed runs: the profiler's own overhead stays out of them. */
export async function profileHuge(browser: Browser): Promise<PhaseProfile[]> {
  const { context, page, cdp } = await profiledPage(browser);
  try {
    const load = await record(cdp, 'conv_huge-load', async () => {
      await page.goto(`${baseUrl}${hugePath}`, { waitUntil: 'commit' });
      await waitForTextInPage(page, 'h1', '5.000 variáveis');
      await page.waitForTimeout(500);
    });
    const searchbox = page.getByRole('searchbox', { name: 'Filter variables' });
    await searchbox.scrollIntoViewIfNeeded();
    const filter = await record(cdp, 'conv_huge-filter', async () => {
      await searchbox.pressSequentially('campo_4999');
      await waitForTextInPage(page, '[role="status"]', '1 of 5,000');
      await page.waitForTimeout(300);
    });
    return [load, filter];
  } finally {
    await context.close();
  }
}
