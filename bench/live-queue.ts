/**
 * The live open queue in Playwright: the list of 3,000 open, the agent's third row selected with
 * `j`; a conversation that needs a person, high priority and frustrated (so it sorts above the
 * agent's place), is added to the bench upstream at a random moment of the list's 10 s refresh.
 * From then to the list showing it (its row, or the "N new" notice above the agent's place), the
 * longest task meanwhile, and whether the selected row moved on screen or lost the focus.
 */
import type { Browser, Page } from '@playwright/test';
import { instrument, longTasks, now, within } from './browser.ts';
import { baseUrl, upstreamUrl } from './config.ts';

const NEWCOMERS = 5;
const LIST = 'ul[aria-label="Conversations"]';

export interface LiveQueueFigures {
  /** A new conversation stored upstream to the list showing it, one per newcomer. */
  storedToShownMs: number[];
  /** The longest main-thread task from each newcomer stored to it shown. */
  longestTaskMs: number[];
  /** How far the selected row moved on screen, in px, one per newcomer. */
  selectedRowMovedPx: number[];
  /** Whether the keyboard focus stayed on the same conversation each time. */
  focusHeld: boolean[];
}

/** The focused row's link and its place on screen. */
const selected = (page: Page) =>
  page.evaluate(() => {
    const row = document.activeElement;
    return {
      href: row instanceof HTMLAnchorElement ? row.getAttribute('href') : null,
      top: row?.getBoundingClientRect().top ?? NaN,
    };
  });

/** Resolves with the page's Date.now() once `title` is painted in the list, or a "new" notice. */
const shownIn = (page: Page, title: string) =>
  page.evaluate(
    ({ selector, title }) =>
      new Promise<number>((resolve) => {
        const watch = () => {
          const list = document.querySelector(selector);
          const shown =
            list?.textContent?.includes(title) ||
            [...document.querySelectorAll('button, [role="status"]')].some((element) =>
              /\b1 new\b/.test(element.textContent ?? ''),
            );
          if (!shown) return requestAnimationFrame(watch);
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(Date.now());
          channel.port2.postMessage(null);
        };
        requestAnimationFrame(watch);
      }),
    { selector: LIST, title },
  );

export async function measureLiveQueue(browser: Browser): Promise<LiveQueueFigures> {
  const figures: LiveQueueFigures = {
    storedToShownMs: [],
    longestTaskMs: [],
    selectedRowMovedPx: [],
    focusHeld: [],
  };
  for (let newcomer = 1; newcomer <= NEWCOMERS; newcomer += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.addInitScript(instrument, { selector: 'body', text: '' });
      await page.goto(`${baseUrl}/conversations`);
      // The whole queue walked: 3,000, and one more for each newcomer before.
      await page
        .getByRole('status')
        .filter({ hasText: /^\d{1,3}(,\d{3})* conversations$/ })
        .waitFor();
      for (let press = 0; press < 3; press += 1) await page.keyboard.press('j');
      // The keys are handled after they are sent: the place is read once the third row has focus.
      await page.waitForFunction(
        (selector) => document.querySelectorAll(`${selector} a`)[2] === document.activeElement,
        LIST,
      );
      const before = await selected(page);
      if (!before.href) throw new Error('j selected no row');

      await page.waitForTimeout(Math.random() * 10_000);
      const title = `Bench newcomer ${newcomer} ${Math.random().toString(36).slice(2, 8)}`;
      const shown = shownIn(page, title);
      const from = await now(page);
      const stored = Date.now();
      const createdAt = new Date().toISOString();
      const answer = await fetch(`${upstreamUrl}/__conversations`, {
        method: 'POST',
        body: JSON.stringify({
          id: `bench_new_${newcomer}_${stored}`,
          title,
          status: 'HUMAN_REQUESTED',
          priority: 'HIGH',
          frustration: 0.99,
          channel: 'whatsapp',
          createdAt,
          updatedAt: createdAt,
        }),
      });
      if (!answer.ok) throw new Error(`the bench upstream answered ${answer.status}`);
      figures.storedToShownMs.push((await shown) - stored);
      figures.longestTaskMs.push(within(await longTasks(page), from, await now(page)).longest);
      const after = await selected(page);
      figures.selectedRowMovedPx.push(Math.abs(after.top - before.top));
      figures.focusHeld.push(after.href === before.href);
    } finally {
      await context.close();
    }
  }
  return figures;
}
