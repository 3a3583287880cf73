import { SERVER_PAGE_ELEMENT_ID } from './lib/server-page';
import './index.css';

/** Resolves once the browser has painted the next frame. */
const afterNextPaint = () =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/**
 * A tiny entry: the app itself is a chunk of its own, preloaded beside this one (see
 * vite.config.ts). On a server-rendered page the server's markup paints first, and only then is
 * the app's script run to take it over: a phone shows the conversation as soon as the page and
 * its stylesheet arrive, not after the app has started too.
 */
async function boot() {
  if (document.getElementById(SERVER_PAGE_ELEMENT_ID)) await afterNextPaint();
  const { start } = await import('./start');
  await start();
}

void boot();
