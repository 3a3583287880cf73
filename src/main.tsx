import { SERVER_PAGE_ELEMENT_ID } from './lib/server-page';
import './index.css';

// Past this, the app starts whether or not the browser has told of a paint.
const PAINT_WAIT_LIMIT_MS = 3000;

/**
 * Resolves once the page has painted its content, as the browser reports it; at once in a tab
 * nobody looks at (it paints only when shown) or a browser that reports no paints.
 */
function afterContentfulPaint(): Promise<void> {
  return new Promise((resolve) => {
    const painted = (entries: PerformanceEntryList) =>
      entries.some((entry) => entry.name === 'first-contentful-paint');
    if (
      document.visibilityState !== 'visible' ||
      !PerformanceObserver.supportedEntryTypes.includes('paint')
    ) {
      return resolve();
    }
    const observer = new PerformanceObserver((list) => {
      if (!painted(list.getEntries())) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'paint', buffered: true });
    setTimeout(resolve, PAINT_WAIT_LIMIT_MS);
  });
}

/**
 * A tiny entry: the app itself is a chunk of its own (see vite.config.ts), preloaded beside this
 * one on the plain page. On a page the server has drawn, the markup paints first, and only then is
 * the app's script loaded to take it over: a phone shows the conversation as soon as the page and
 * its stylesheet arrive, not after the app has started too.
 */
async function boot() {
  if (document.getElementById('root')?.hasChildNodes()) await afterContentfulPaint();
  // The schema reads the page's embedded conversation before the app starts: load it beside.
  if (document.getElementById(SERVER_PAGE_ELEMENT_ID)) {
    void import('./lib/conversation/conversation-schema');
  }
  const { start } = await import('./start');
  await start();
}

void boot();
