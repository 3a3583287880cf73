/**
 * A Chrome trace of the 5 MB conversation's load, reduced to main-thread self time per trace
 * event (script, style, layout, paint, GC, network glue): what a CPU profile files as "(program)".
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { waitForTextInPage } from './browser.ts';
import { baseUrl, hugePath, outDir } from './config.ts';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; processId?: number } };
}

export interface MainThreadShare {
  event: string;
  selfMs: number;
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'loading',
  'toplevel',
];

/**
 * Self time per event name on the page's renderer main thread. Headless Chromium runs other
 * renderers too (its omnibox popup WebUI starts with the browser), so the page's is the one
 * whose events name the app's URL.
 */
export function mainThreadBreakdown(
  events: TraceEvent[],
  pageUrl: string,
  top = 12,
): MainThreadShare[] {
  const pagePid = events.find(
    (event) =>
      event.name === 'FrameCommittedInBrowser' && event.args?.data?.url?.startsWith(pageUrl),
  )?.args?.data?.processId;
  const thread = events.find(
    (event) =>
      event.ph === 'M' &&
      event.name === 'thread_name' &&
      event.args?.name === 'CrRendererMain' &&
      event.pid === pagePid,
  );
  if (!thread) return [];
  // Parents before children: earlier start first, and at the same start the longer one.
  const own = events
    .filter(
      (event) =>
        event.ph === 'X' &&
        event.dur !== undefined &&
        event.pid === thread.pid &&
        event.tid === thread.tid,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const event of own) {
    const end = event.ts + (event.dur ?? 0);
    while (stack.length && stack.at(-1)!.end <= event.ts) stack.pop();
    const parent = stack.at(-1);
    // Time inside a child is the child's, not its parent's.
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (event.dur ?? 0));
    self.set(event.name, (self.get(event.name) ?? 0) + (event.dur ?? 0));
    stack.push({ end, name: event.name });
  }
  return [...self.entries()]
    .map(([event, micros]) => ({ event, selfMs: Math.round(micros / 1000) }))
    .filter((row) => row.selfMs > 0)
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
}

export async function traceHugeLoad(browser: Browser): Promise<MainThreadShare[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(`${baseUrl}${hugePath}`, { waitUntil: 'commit' });
    await waitForTextInPage(page, 'h1', '5.000 variáveis');
    await page.waitForTimeout(500);
    const buffer = await browser.stopTracing();
    mkdirSync(outDir, { recursive: true });
    // Loadable in Chrome DevTools' Performance panel or https://ui.perfetto.dev.
    writeFileSync(join(outDir, 'conv_huge-load.trace.json.gz'), gzipSync(buffer));
    const trace = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
    return mainThreadBreakdown(trace.traceEvents, baseUrl);
  } finally {
    await context.close();
  }
}
