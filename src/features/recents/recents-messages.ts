/** The words of the recent conversations list in both languages: they load with its code, not with every page. */
import type { Locale } from '@/lib/locales';
import { localized, type Dictionary } from '@/lib/messages';

const en = {
  title: 'Recent conversations',
  opened: 'Opened',
  remove: (title: string) => `Remove “${title}” from recent conversations`,
  clear: 'Clear all',
} as const;

const ptBR: Dictionary<typeof en> = {
  title: 'Conversas recentes',
  opened: 'Aberta',
  remove: (title: string) => `Remover “${title}” das conversas recentes`,
  clear: 'Limpar tudo',
};

export const recentsDictionaries: Record<Locale, Dictionary<typeof en>> = { en, 'pt-BR': ptBR };

export const recentsMessages = localized(recentsDictionaries);
