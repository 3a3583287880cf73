/**
 * An agent's change in Playwright: on `conv_abc123`, a toggle of the Actions panel clicked (the
 * status, then the priority, back and forth), from the click to its new value painted, while the
 * write is still on its way (the bench upstream takes 150 ms to answer, as an API would).
 */
import type { Browser } from '@playwright/test';
import { baseUrl } from './config.ts';

export interface ActionFigures {
  /** Click to the chosen value painted, one per click. */
  clickToShownMs: number[];
}

/** Labels clicked in turn: each sends a write and shows at once. */
const clicks = ['Resolved', 'Low', 'Unresolved', 'High', 'Resolved', 'Medium'];

export async function measureActions(browser: Browser): Promise<ActionFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/conversations/conv_abc123`);
    await page.getByRole('switch', { name: 'AI replies' }).waitFor();
    const clickToShownMs: number[] = [];
    for (const label of clicks) {
      const written = page.waitForResponse((response) => response.request().method() === 'POST');
      clickToShownMs.push(
        await page.evaluate(
          (label) =>
            new Promise<number>((resolve) => {
              const button = [
                ...document.querySelectorAll<HTMLButtonElement>('button[aria-pressed]'),
              ].find((candidate) => candidate.textContent === label)!;
              const clicked = performance.now();
              button.click();
              // rAF runs just before a frame's paint; a message posted from it runs after it.
              const watch = () => {
                if (button.getAttribute('aria-pressed') !== 'true') {
                  return requestAnimationFrame(watch);
                }
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve(performance.now() - clicked);
                channel.port2.postMessage(null);
              };
              requestAnimationFrame(watch);
            }),
          label,
        ),
      );
      await written;
    }
    return { clickToShownMs };
  } finally {
    await context.close();
  }
}
