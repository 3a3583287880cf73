import { messages } from '@/lib/messages';
import { useLanguage } from './language-provider';
import { languageNames, type Locale } from './locale';

export function LanguageSwitcher() {
  const { locale, changeLocale } = useLanguage();
  return (
    <label className="flex items-center">
      <span className="sr-only">{messages.language.label}</span>
      <select
        value={locale}
        onChange={(event) => void changeLocale(event.target.value as Locale)}
        className="h-8 rounded-md border border-line bg-surface px-1.5 text-sm text-ink"
      >
        {Object.entries(languageNames).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
