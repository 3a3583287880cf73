/**
 * The 5 MB conversation (`conv_huge`) in Playwright: time to content, long tasks while it loads,
 * while the page scrolls to the bottom, and while "Filter variables" is typed into.
 */
import type { Browser, Page } from '@playwright/test';
import { baseUrl, hugePath } from './config.ts';
import {
  instrument,
  longTasks,
  now,
  paintedAt,
  waitForTextInPage,
  within,
  type BenchWindow,
} from './browser.ts';

export interface HugeFigures {
  navigationToContentMs: number;
  /**
   * The conversation's arrival as Resource Timing saw it (its API call, or the page that carried
   * it): when it started, first byte, last byte.
   */
  apiStartMs: number;
  apiFirstByteMs: number;
  responseEndMs: number;
  responseToContentMs: number;
  loadLongTasks: number;
  loadLongestTaskMs: number;
  loadLongTaskTotalMs: number;
  domElements: number;
  scrollMs: number;
  scrollLongTasks: number;
  scrollLongestTaskMs: number;
  filterMs: number;
  filterAfterLastKeyMs: number;
  filterLongTasks: number;
  filterLongestTaskMs: number;
}

const HEADING_TEXT = '5.000 variáveis';
const FILTER_QUERY = 'campo_4999';
const FILTER_RESULT = '1 of 5,000';

async function scrollToBottom(page: Page) {
  // Over the side column: the transcript, in the main column, scrolls on its own.
  await page.mouse.move(1200, 600);
  for (let step = 0; step < 300; step += 1) {
    const atBottom = await page.evaluate(
      () => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2,
    );
    if (atBottom) return;
    // About what a fast flick of a wheel or trackpad sends.
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(16);
  }
  throw new Error('the page never reached its bottom');
}

export async function measureHuge(browser: Browser): Promise<HugeFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.addInitScript(instrument, { selector: 'h1', text: HEADING_TEXT });
    await page.goto(`${baseUrl}${hugePath}`, { waitUntil: 'commit' });
    await paintedAt(page);
    const load = await page.evaluate(() => {
      // The conversation arrives in the page when the server embeds it, else from its API call
      // (never the messages' call, which the page preloads either way).
      const api =
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) =>
          /\/api\/conversation\/[^/]+$/.test(new URL(entry.name).pathname),
        ) ?? (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming);
      return {
        contentAt: (window as unknown as BenchWindow).__contentPaintedAt ?? 0,
        apiStart: api?.startTime ?? 0,
        apiFirstByte: api?.responseStart ?? 0,
        responseEnd: api?.responseEnd ?? 0,
        domElements: document.getElementsByTagName('*').length,
      };
    });
    if (!load.responseEnd) throw new Error('no timing for the conversation’s arrival');
    // Let work scheduled after the first paint (effects, deferred renders) count as load.
    await page.waitForTimeout(1000);
    const loadTasks = within(await longTasks(page), 0, await now(page));

    const scrollStart = await now(page);
    await scrollToBottom(page);
    const scrollEnd = await now(page);
    await page.waitForTimeout(300);
    const scrollTasks = within(await longTasks(page), scrollStart, scrollEnd + 300);

    const searchbox = page
      .getByRole('region', { name: 'Variables' })
      .getByRole('searchbox', { name: 'Filter variables' });
    await searchbox.scrollIntoViewIfNeeded();
    const filterStart = await now(page);
    await searchbox.pressSequentially(FILTER_QUERY);
    const lastKey = await now(page);
    const filterEnd = await waitForTextInPage(page, '[role="status"]', FILTER_RESULT);
    await page.waitForTimeout(300);
    const filterTasks = within(await longTasks(page), filterStart, filterEnd + 300);

    return {
      navigationToContentMs: load.contentAt,
      apiStartMs: load.apiStart,
      apiFirstByteMs: load.apiFirstByte,
      responseEndMs: load.responseEnd,
      responseToContentMs: load.contentAt - load.responseEnd,
      loadLongTasks: loadTasks.count,
      loadLongestTaskMs: loadTasks.longest,
      loadLongTaskTotalMs: loadTasks.total,
      domElements: load.domElements,
      scrollMs: scrollEnd - scrollStart,
      scrollLongTasks: scrollTasks.count,
      scrollLongestTaskMs: scrollTasks.longest,
      filterMs: filterEnd - filterStart,
      filterAfterLastKeyMs: Math.max(0, filterEnd - lastKey),
      filterLongTasks: filterTasks.count,
      filterLongestTaskMs: filterTasks.longest,
    };
  } finally {
    await context.close();
  }
}
