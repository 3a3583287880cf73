/** One Playwright Chromium for the in-page measurements, launched like the end-to-end run's. */
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromeFlags, chromePath } from './config.ts';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath, args: chromeFlags });
}

/** Polls every frame until an element matching `selector` contains `text`; the page's clock then. */
export function waitForTextInPage(
  page: Page,
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

export interface LongTask {
  start: number;
  duration: number;
}

export interface BenchWindow {
  __longTasks: LongTask[];
  __contentPaintedAt?: number;
}

/**
 * Runs before any page script: records long tasks, and when an element matching `selector`
 * (holding `text`) is first painted.
 */
export function instrument({ selector, text }: { selector: string; text: string }) {
  const state = window as unknown as BenchWindow;
  state.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      state.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
  // rAF runs just before a frame's paint; a message posted from it runs after that paint.
  const watch = () => {
    const found = [...document.querySelectorAll(selector)].some((element) =>
      element.textContent?.includes(text),
    );
    if (found) {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (state.__contentPaintedAt = performance.now());
      channel.port2.postMessage(null);
      return;
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

/** Waits for what `instrument` watches for to be painted; the page's clock then. */
export async function paintedAt(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as unknown as BenchWindow).__contentPaintedAt, null, {
    timeout: 60_000,
    polling: 100,
  });
  return page.evaluate(() => (window as unknown as BenchWindow).__contentPaintedAt ?? 0);
}

export const now = (page: Page) => page.evaluate(() => performance.now());
export const longTasks = (page: Page) =>
  page.evaluate(() => (window as unknown as BenchWindow).__longTasks);

/** The long tasks that started between two moments: how many, the longest, their total. */
export function within(tasks: LongTask[], from: number, to: number) {
  const picked = tasks.filter((task) => task.start >= from && task.start <= to);
  return {
    count: picked.length,
    longest: Math.max(0, ...picked.map((task) => task.duration)),
    total: picked.reduce((sum, task) => sum + task.duration, 0),
  };
}
