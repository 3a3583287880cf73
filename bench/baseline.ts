/**
 * The static floor: the app's own rendering of the same fixture, saved as plain HTML with the
 * same stylesheet and no JavaScript, so Lighthouse can compare the app with the least any
 * implementation could ship for the same pixels.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from '@playwright/test';
import { exampleConversation } from '../src/mocks/fixtures/example-conversation.ts';
import { appPath, baselinePath, baseUrl, distDir } from './config.ts';

export async function writeBaseline(browser: Browser): Promise<string> {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  try {
    await page.goto(`${baseUrl}${appPath}`);
    await page
      .getByRole('heading', { level: 1, name: exampleConversation.title })
      .waitFor({ timeout: 30_000 });
    const html = await page.evaluate(() => {
      const doc = document.documentElement.cloneNode(true) as HTMLElement;
      // No JavaScript at all: the entry script, its preloads, and nothing else that executes.
      doc.querySelectorAll('script, link[rel="modulepreload"]').forEach((node) => node.remove());
      // React hoists the page's <title> above index.html's; the static page needs only the first.
      doc.querySelectorAll('title').forEach((node, index) => index > 0 && node.remove());
      return `<!doctype html>\n${doc.outerHTML}`;
    });
    if (/style="/.test(html)) {
      // The preview's CSP allows no inline style: a style attribute would not apply statically.
      console.warn('baseline: the rendered page carries style attributes the CSP will block');
    }
    for (const text of [
      exampleConversation.title,
      'john@example.com',
      'Agent 1',
      'high-priority',
      'Initial contact',
    ]) {
      if (!html.includes(text)) throw new Error(`baseline lacks “${text}”`);
    }
    // Written into the build, so the same server (same headers, same CSS URL) serves both pages.
    const file = join(distDir, baselinePath);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
    const served = await (await fetch(`${baseUrl}${baselinePath}`)).text();
    if (served !== html) throw new Error(`${baselinePath}: the preview serves something else`);
    return file;
  } finally {
    await page.close();
  }
}
