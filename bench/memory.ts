/**
 * JS heap after visiting many conversations in one tab (client-side navigation, as the router
 * sees a Back/Forward), compared with after the first: what an agent's long session leaves behind.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { baseUrl } from './config.ts';
import { waitForTextInPage } from './browser.ts';

export interface MemorySnapshot {
  heapUsedBytes: number;
  domNodes: number;
  jsEventListeners: number;
}

export interface MemoryFigures {
  conversations: number;
  first: MemorySnapshot;
  last: MemorySnapshot;
  heapGrowthBytes: number;
  navigationMedianMs: number;
}

const idOf = (index: number) => `echo:bench-${String(index).padStart(4, '0')}`;
const titleOf = (index: number) => `Echo ${idOf(index)}`;

async function snapshot(cdp: CDPSession): Promise<MemorySnapshot> {
  // Twice: the first collection can leave garbage that only the second one frees (weak refs).
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return {
    heapUsedBytes: heap.usedSize,
    domNodes: dom.nodes,
    jsEventListeners: dom.jsEventListeners,
  };
}

/** What the router does on Back/Forward: read the new location after a `popstate`. */
async function navigateInPage(page: Page, index: number): Promise<number> {
  const started = await page.evaluate(
    (path) => {
      const at = performance.now();
      window.history.pushState(null, '', path);
      window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
      return at;
    },
    `/conversations/${encodeURIComponent(idOf(index))}`,
  );
  const shown = await waitForTextInPage(page, 'h1', titleOf(index), 15_000);
  return shown - started;
}

export async function measureMemory(
  browser: Browser,
  conversations: number,
): Promise<MemoryFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(`${baseUrl}/conversations/${encodeURIComponent(idOf(0))}`);
    await waitForTextInPage(page, 'h1', titleOf(0), 30_000);
    // The server draws the heading before the app runs: the first snapshot is of the running app,
    // once it has taken the page over (the jump box then replaces its placeholder).
    await page.getByRole('combobox', { name: 'Jump to a conversation' }).waitFor();
    const first = await snapshot(cdp);
    const times: number[] = [];
    for (let index = 1; index < conversations; index += 1) {
      times.push(await navigateInPage(page, index));
    }
    const last = await snapshot(cdp);
    times.sort((a, b) => a - b);
    return {
      conversations,
      first,
      last,
      heapGrowthBytes: last.heapUsedBytes - first.heapUsedBytes,
      navigationMedianMs: times[Math.floor(times.length / 2)] ?? 0,
    };
  } finally {
    await context.close();
  }
}
