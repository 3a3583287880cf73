/** The languages the viewer speaks, and how a list of preferred languages picks one. */
export type Locale = 'en' | 'pt-BR';

const locales: readonly string[] = ['en', 'pt-BR'] satisfies Locale[];

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && locales.includes(value);

/** The first of these languages (a browser's, or a request's Accept-Language) that we speak. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const language of languages) {
    const primary = language.trim().toLowerCase().split('-')[0];
    if (primary === 'pt') return 'pt-BR';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
