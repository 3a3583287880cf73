/**
 * The UI language: chosen by the agent (kept in localStorage) or else by the browser's
 * languages; English unless one of them is Portuguese. Portuguese is a chunk of its own, loaded
 * only when chosen, so English readers never download it.
 */
import { setFormatLocale, type Locale } from '@/lib/format';
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

const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && Object.hasOwn(languageNames, value);

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
  const stored = storedLocale();
  if (stored) return stored;
  for (const language of browserLanguages) {
    const primary = language.toLowerCase().split('-')[0];
    if (primary === 'pt') return 'pt-BR';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

let currentLocale: Locale = 'en';

export const getLocale = () => currentLocale;

/** Loads the language's strings and switches messages, formats and `<html lang>` to it. */
export async function applyLocale(locale: Locale): Promise<void> {
  const dictionary = await dictionaries[locale]();
  setMessages(dictionary);
  setFormatLocale(locale);
  currentLocale = locale;
  document.documentElement.lang = locale;
}

export function saveLocale(locale: Locale) {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Not saved: the choice still holds until the tab is closed.
  }
}
