import { startTransition, StrictMode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/app';
import { conversationQueries } from './features/conversation/api/queries';
import { loadConversationSchema } from './features/conversation/api/get-conversation';
import { applyLocale, preferredLocale, type Locale } from './features/language/locale';
import { pinRenderTime } from './lib/clock';
import { startHydration } from './lib/hydration';
import { createQueryClient } from './lib/query-client';
import { browserTimeZone, readServerPage, rememberRenderPreferences } from './lib/server-page';

/** Starts the app: on the server's markup when there is some, else from an empty page. */
export async function start() {
  // Demo mode answers `/api` from fixtures in the browser. The flag is a literal here, so a live
  // build drops this branch before bundling and ships nothing of MSW.
  if (__DEMO_MODE__) {
    const { startDemoApi } = await import('./mocks/browser');
    await startDemoApi();
  }

  // Portuguese strings arrive before the first render, so nobody sees the page switch language.
  // A server-rendered page's data is read meanwhile.
  const locale = preferredLocale();
  const queryClient = createQueryClient();
  const [, serverPageTaken] = await Promise.all([
    applyLocale(locale),
    takeOverServerPage(queryClient, locale),
  ]);
  rememberRenderPreferences(locale);

  const root = document.getElementById('root');
  if (!root) return;
  const app = (
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>
  );

  if (serverPageTaken) {
    // As a transition, hydration yields to the browser every few milliseconds: the page it
    // takes over is already on screen, so nothing is gained by blocking the reader's input.
    startHydration();
    startTransition(() => {
      hydrateRoot(root, app);
    });
  } else {
    createRoot(root).render(app);
  }
}

/**
 * Puts a server-rendered page's data in the cache, where it is fresh and asked again only once
 * stale. True when the markup can be taken over as it is: the browser would render the same.
 * A reader whose language or time zone the server did not know yet gets a fresh render.
 */
async function takeOverServerPage(queryClient: QueryClient, locale: Locale): Promise<boolean> {
  const page = readServerPage();
  if (!page) return false;
  const { parseConversation } = await loadConversationSchema();
  try {
    queryClient.setQueryData(
      conversationQueries.detail(page.conversationId).queryKey,
      parseConversation(page.conversation),
      { updatedAt: page.renderedAt },
    );
  } catch {
    return false; // Not what the server vouched for: the page asks the API itself.
  }
  if (page.locale !== locale || page.timeZone !== browserTimeZone()) return false;
  pinRenderTime(page.renderedAt);
  return true;
}
