/**
 * The UI language: chosen by the agent (kept in localStorage) or else by the browser's
 * languages; English unless one of them is Portuguese. Portuguese is a chunk of its own, loaded
 * only when chosen, so English readers never download it.
 */
import { currentLocale, setFormatLocale } from '@/lib/format';
import { isLocale, localeFromLanguages, type Locale } from '@/lib/locales';
import { en, setMessages, type Messages } from '@/lib/messages';

export type { Locale };

/** Each language by its own name, as a switcher lists them. */
export const languageNames: Record<Locale, string> = {
  en: 'English',
  'pt-BR': 'Português',
};

const dictionaries: Record<Locale, () => Promise<Messages>> = {
  en: () => Promise.resolve(en),
  'pt-BR': () => import('@/lib/messages.pt-BR').then((module) => module.ptBR),
};

const storageKey = 'conversation-viewer:language';

function storedLocale(): Locale | null {
  try {
    const stored = localStorage.getItem(storageKey);
    return isLocale(stored) ? stored : null;
  } catch {
    return null; // Storage refused (private mode, policies): fall back to the browser's choice.
  }
}

/** The agent's saved choice, else the first of the browser's languages that we speak. */
export function preferredLocale(browserLanguages: readonly string[] = navigator.languages): Locale {
  return storedLocale() ?? localeFromLanguages(browserLanguages);
}

/** The language in use: the one formats follow, set with them in setLocale. */
export const getLocale = currentLocale;

export const loadMessages = (locale: Locale): Promise<Messages> => dictionaries[locale]();

/**
 * Switches strings and formats to a loaded language, synchronously: the server renders each
 * request right after, before another request can switch them.
 */
export function setLocale(locale: Locale, dictionary: Messages, timeZone?: string) {
  setMessages(dictionary);
  setFormatLocale(locale, timeZone);
}

/** Loads the language's strings and switches messages, formats and `<html lang>` to it. */
export async function applyLocale(locale: Locale): Promise<void> {
  setLocale(locale, await loadMessages(locale));
  document.documentElement.lang = locale;
}

export function saveLocale(locale: Locale) {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not saved: the choice still holds until the tab is closed.
  }
}
