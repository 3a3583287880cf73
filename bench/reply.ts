/**
 * The reply in Playwright, on conv_huge with all its 1,000 messages loaded: a send, from the click
 * to the message painted as "Sending…" while the bench upstream (150 ms) has not answered; and the
 * live transcript, from a customer's message stored in the upstream to it painted on the open
 * page, with the long tasks meanwhile (its 1,000 messages read again every 5 s).
 */
import type { Browser, Page } from '@playwright/test';
import { instrument, longTasks, now, within } from './browser.ts';
import { baseUrl, hugePath, upstreamUrl } from './config.ts';

export interface ReplyFigures {
  messagesLoaded: number;
  /** Click on Send to the message painted as sending, one per send. */
  sendToShownMs: number[];
  /** The customer's message stored upstream to it painted, one per message. */
  customerToPaintedMs: number[];
  /** The longest main-thread task from each customer message to it painted. */
  liveLongestTaskMs: number[];
}

const SENDS = 5;
const CUSTOMER_MESSAGES = 5;
const MESSAGES = '[role="region"][aria-label="Messages"]';

/** Resolves with the page's Date.now() once `text` is painted in the messages (rAF, then after the paint). */
const paintedIn = (page: Page, text: string, sending = false) =>
  page.evaluate(
    ({ selector, text, sending }) =>
      new Promise<number>((resolve) => {
        const watch = () => {
          const shown = [...document.querySelectorAll(`${selector} li`)].some(
            (item) =>
              item.textContent?.includes(text) &&
              (!sending || item.textContent.includes('Sending…')),
          );
          if (!shown) return requestAnimationFrame(watch);
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(Date.now());
          channel.port2.postMessage(null);
        };
        requestAnimationFrame(watch);
      }),
    { selector: MESSAGES, text, sending },
  );

export async function measureReply(browser: Browser): Promise<ReplyFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    // Records the long tasks; the content it would watch for is there at once.
    await page.addInitScript(instrument, { selector: 'body', text: '' });
    await page.goto(`${baseUrl}${hugePath}`);
    const reply = page.getByRole('textbox', { name: 'Reply to the customer' });
    await reply.waitFor();
    const earlier = page.getByRole('button', { name: 'Load earlier messages' });
    while (!(await page.getByText('Start of the conversation').isVisible())) {
      await earlier.click();
      await earlier.or(page.getByText('Start of the conversation')).waitFor();
    }
    const messagesLoaded = await page.evaluate(
      (selector) =>
        Number(document.querySelector(`${selector} li`)?.getAttribute('aria-setsize') ?? 0),
      MESSAGES,
    );

    const sendToShownMs: number[] = [];
    for (let send = 1; send <= SENDS; send += 1) {
      const text = `Bench reply ${send} ${Math.random().toString(36).slice(2, 8)}`;
      await reply.fill(text);
      const shown = paintedIn(page, text, true);
      const clicked = await page.evaluate(() => {
        const send = [...document.querySelectorAll<HTMLButtonElement>('button[type="submit"]')];
        send.find((button) => button.textContent?.startsWith('Send'))!.click();
        return Date.now();
      });
      sendToShownMs.push((await shown) - clicked);
      await page.getByRole('status').filter({ hasText: 'Sent to the customer.' }).waitFor();
    }

    const customerToPaintedMs: number[] = [];
    const liveLongestTaskMs: number[] = [];
    for (let message = 1; message <= CUSTOMER_MESSAGES; message += 1) {
      // At a random moment of the transcript's 5 s refresh cycle.
      await page.waitForTimeout(Math.random() * 5000);
      const text = `Customer writes ${message} ${Math.random().toString(36).slice(2, 8)}`;
      const painted = paintedIn(page, text);
      const from = await now(page);
      const stored = Date.now();
      const answer = await fetch(`${upstreamUrl}/__customer-message/conv_huge`, {
        method: 'POST',
        body: text,
      });
      if (!answer.ok) throw new Error(`the bench upstream answered ${answer.status}`);
      customerToPaintedMs.push((await painted) - stored);
      liveLongestTaskMs.push(within(await longTasks(page), from, await now(page)).longest);
    }
    return { messagesLoaded, sendToShownMs, customerToPaintedMs, liveLongestTaskMs };
  } finally {
    await context.close();
  }
}
