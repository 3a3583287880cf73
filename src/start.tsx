import { startTransition, StrictMode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/app';
import { conversationQueries } from './lib/conversation/queries';
import { loadConversationSchema } from './lib/conversation/get-conversation';
import { applyLocale, preferredLocale } from './features/language/locale';
import { pinRenderTime } from './lib/clock';
import { beginFirstRender } from './lib/first-render';
import { createQueryClient } from './lib/query-client';
import { browserTimeZone, readServerPage, type ServerPage } from './lib/server-page';

/** Starts the app: on the server's markup when there is some, else from an empty page. */
export async function start() {
  // Demo mode answers `/api` from fixtures in the browser. The flag is a literal here, so a live
  // build drops this branch before bundling and ships nothing of MSW.
  if (__DEMO_MODE__) {
    const { startDemoApi } = await import('./mocks/browser');
    await startDemoApi();
  }

  // Portuguese strings arrive before the first render, so nobody sees the page switch language.
  // A server page's data goes into the cache meanwhile.
  const locale = preferredLocale();
  const queryClient = createQueryClient();
  const [, serverPage] = await Promise.all([applyLocale(locale), cacheServerPage(queryClient)]);

  const root = document.getElementById('root');
  if (!root) return;
  const app = (
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>
  );

  // Taken over only when the browser would draw the same: a reader whose language or time zone
  // the server did not know yet, or a page it left undrawn (too large), is drawn afresh.
  const drawnAsHere =
    serverPage !== null &&
    root.hasChildNodes() &&
    serverPage.locale === locale &&
    serverPage.timeZone === browserTimeZone();
  beginFirstRender();
  if (drawnAsHere) {
    pinRenderTime(serverPage.renderedAt);
    // As a transition, hydration yields to the browser every few milliseconds: the page it
    // takes over is already on screen, so nothing is gained by blocking the reader's input.
    startTransition(() => {
      hydrateRoot(root, app);
    });
  } else {
    createRoot(root).render(app);
  }
}

/**
 * Puts a server page's conversation in the cache, where it is fresh and asked again only once
 * stale; null when there is none, or it is not what the server vouched for (the page then asks
 * the API itself).
 */
async function cacheServerPage(queryClient: QueryClient): Promise<ServerPage | null> {
  const page = readServerPage();
  if (!page) return null;
  const { parseConversation } = await loadConversationSchema();
  try {
    queryClient.setQueryData(
      conversationQueries.detail(page.conversationId).queryKey,
      parseConversation(page.conversation),
      { updatedAt: page.renderedAt },
    );
    return page;
  } catch {
    return null;
  }
}
