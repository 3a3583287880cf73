/**
 * The server's renderer: a conversation page as markup, from the API's answer, in the reader's
 * language and time zone. Built for Node beside the app (see vite.config.ts); never in the
 * browser bundle.
 */
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { AppProviders } from './app/app';
import { AppRoutes } from './app/app-routes';
import { paths } from './config/paths';
import { conversationQueries } from './lib/conversation/queries';
import { parseConversation } from './lib/conversation/conversation-schema';
import { loadMessages, setLocale } from './features/language/locale';
import { pinRenderTime } from './lib/clock';
import { createQueryClient } from './lib/query-client';
import type { ServerPage } from './lib/server-page';

export type { ServerPage };

/** The markup of `#root` for the page, or null when the answer is not a conversation. */
export async function renderConversationPage(page: ServerPage): Promise<string | null> {
  let conversation;
  try {
    conversation = parseConversation(page.conversation);
  } catch {
    return null; // The browser shows the API's problem as it always does.
  }
  const dictionary = await loadMessages(page.locale);
  // From here on synchronous: strings, formats and the clock are module state that the next
  // request switches, and renderToString finishes before any other request runs.
  setLocale(page.locale, dictionary, page.timeZone);
  pinRenderTime(page.renderedAt);
  const queryClient = createQueryClient();
  try {
    queryClient.setQueryData(
      conversationQueries.detail(page.conversationId).queryKey,
      conversation,
      {
        updatedAt: page.renderedAt,
      },
    );
    return renderToString(
      <AppProviders queryClient={queryClient}>
        <StaticRouter location={paths.conversation.href(page.conversationId)}>
          <AppRoutes />
        </StaticRouter>
      </AppProviders>,
    );
  } finally {
    pinRenderTime(undefined);
    queryClient.clear();
  }
}
