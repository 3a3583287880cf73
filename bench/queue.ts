/**
 * The open queue in Playwright: the bench upstream's organization has 15,000 conversations, 3,000
 * of them open, which the list walks in 31 pages of at most 100. From the first page's arrival to
 * the first rows painted, and to the complete order (its true count shown); long tasks while the
 * pages stream in.
 */
import type { Browser } from '@playwright/test';
import { instrument, longTasks, now, paintedAt, waitForTextInPage, within } from './browser.ts';
import { baseUrl } from './config.ts';

export interface QueueFigures {
  pages: number;
  firstPageToRowsMs: number;
  firstPageToCompleteMs: number;
  navigationToCompleteMs: number;
  streamLongTasks: number;
  streamLongestTaskMs: number;
}

const COMPLETE_TEXT = '3,000 conversations';

export async function measureQueue(browser: Browser): Promise<QueueFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.addInitScript(instrument, {
      selector: 'ul[aria-label="Conversations"] a',
      text: '',
    });
    await page.goto(`${baseUrl}/conversations`, { waitUntil: 'commit' });
    const rowsAt = await paintedAt(page);
    const completeAt = await waitForTextInPage(page, '[role="status"]', COMPLETE_TEXT);
    await page.waitForTimeout(300);
    const pages = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => new URL(entry.name).pathname === '/api/conversation')
        .map((entry) => entry.responseEnd)
        .sort((a, b) => a - b),
    );
    if (pages.length === 0) throw new Error('no timing for the list’s pages');
    const stream = within(await longTasks(page), pages[0]!, (await now(page)) - 300);
    return {
      pages: pages.length,
      firstPageToRowsMs: rowsAt - pages[0]!,
      firstPageToCompleteMs: completeAt - pages[0]!,
      navigationToCompleteMs: completeAt,
      streamLongTasks: stream.count,
      streamLongestTaskMs: stream.longest,
    };
  } finally {
    await context.close();
  }
}
