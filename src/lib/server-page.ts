/**
 * The browser's side of a server-rendered page. A live server renders a deep link with its
 * conversation and embeds what it rendered from, so the browser can take the markup over
 * (hydrate) instead of drawing it again; it renders in the reader's language and time zone,
 * which the browser keeps in two cookies for it.
 */
import type { Locale } from './locales';

/** The `<script type="application/json">` that carries the page's data. */
export const SERVER_PAGE_ELEMENT_ID = 'server-page';

export const renderCookies = { locale: 'viewer-language', timeZone: 'viewer-time-zone' } as const;

/** What the server rendered, and from what. */
export interface ServerPage {
  conversationId: string;
  /** The API's answer, as received. */
  conversation: unknown;
  locale: Locale;
  timeZone: string;
  /** When the data was fetched (ms since the epoch): the clock the page was rendered at. */
  renderedAt: number;
}

function isServerPage(value: unknown): value is ServerPage {
  if (typeof value !== 'object' || value === null) return false;
  const page = value as Record<string, unknown>;
  return (
    typeof page.conversationId === 'string' &&
    typeof page.locale === 'string' &&
    typeof page.timeZone === 'string' &&
    typeof page.renderedAt === 'number' &&
    'conversation' in page
  );
}

/** The page's server data, or null when the page was not rendered by the server. */
export function readServerPage(): ServerPage | null {
  const text = document.getElementById(SERVER_PAGE_ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    const page: unknown = JSON.parse(text);
    return isServerPage(page) ? page : null;
  } catch {
    return null;
  }
}

let timeZone: string | undefined;
/** The browser's time zone, looked up once: the first lookup loads Intl's data (20 ms on a phone). */
export const browserTimeZone = () =>
  (timeZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);

/** Tells the server which language and time zone to render the next page in. */
export function rememberRenderPreferences(locale: Locale) {
  const year = 60 * 60 * 24 * 365;
  const values = { [renderCookies.locale]: locale, [renderCookies.timeZone]: browserTimeZone() };
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  for (const [name, value] of Object.entries(values)) {
    document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=${year}; samesite=lax${secure}`;
  }
}
