import {
  createContext,
  Fragment,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { rememberRenderPreferences } from '@/lib/server-page';
import { applyLocale, getLocale, saveLocale, type Locale } from './locale';

interface LanguageContextValue {
  locale: Locale;
  changeLocale: (locale: Locale) => Promise<void>;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

/**
 * Holds the UI language. Components read strings from the `messages` binding, so a change
 * remounts everything below (keyed by the locale); the query cache lives above and survives.
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState(getLocale);
  const changeLocale = useCallback(async (next: Locale) => {
    await applyLocale(next);
    saveLocale(next);
    setLocale(next);
  }, []);
  // Tells the server which language (and time zone) to draw the next page in; after the page is
  // on screen, as nothing on it needs this.
  useEffect(() => rememberRenderPreferences(locale), [locale]);
  const value = useMemo(() => ({ locale, changeLocale }), [locale, changeLocale]);
  return (
    <LanguageContext value={value}>
      <Fragment key={locale}>{children}</Fragment>
    </LanguageContext>
  );
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage needs a LanguageProvider above it');
  return value;
}
