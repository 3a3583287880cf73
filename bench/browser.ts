/** One Playwright Chromium for the in-page measurements, launched like the end-to-end run's. */
import { chromium, type Browser } from '@playwright/test';
import { chromeFlags, chromePath } from './config.ts';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath, args: chromeFlags });
}

/** Polls every frame until an element matching `selector` contains `text`; the page's clock then. */
export function waitForTextInPage(
  page: import('@playwright/test').Page,
  selector: string,
  text: string,
  timeoutMs = 60_000,
): Promise<number> {
  return page.evaluate(
    ({ selector, text, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const deadline = performance.now() + timeoutMs;
        const check = () => {
          const found = [...document.querySelectorAll(selector)].some((element) =>
            element.textContent?.includes(text),
          );
          if (found) return resolve(performance.now());
          if (performance.now() > deadline) return reject(new Error(`no ${selector} “${text}”`));
          requestAnimationFrame(check);
        };
        check();
      }),
    { selector, text, timeoutMs },
  );
}
