/**
 * The words of the pages that load on demand (start, not found) in both languages: they load
 * with their code, not with every page.
 */
import type { Locale } from '@/lib/locales';
import { localized, type Dictionary } from '@/lib/messages';

const en = {
  home: {
    browse: 'Browse all conversations, who needs help first',
    title: 'Open a conversation',
    inputLabel: 'Conversation id or link',
    inputHint: 'Paste an id such as conv_abc123, a viewer link, or a Chatvolt dashboard link.',
    open: 'Open',
    demoList: 'Demo conversations',
  },
  notFound: { title: 'Page not found', body: 'There is nothing at this address.' },
} as const;

const ptBR: Dictionary<typeof en> = {
  home: {
    browse: 'Ver todas as conversas, quem precisa de ajuda primeiro',
    title: 'Abrir uma conversa',
    inputLabel: 'Id ou link da conversa',
    inputHint:
      'Cole um id como conv_abc123, um link do visualizador ou um link do painel Chatvolt.',
    open: 'Abrir',
    demoList: 'Conversas de demonstração',
  },
  notFound: { title: 'Página não encontrada', body: 'Não há nada neste endereço.' },
};

export const pageDictionaries: Record<Locale, Dictionary<typeof en>> = { en, 'pt-BR': ptBR };

export const pageMessages = localized(pageDictionaries);
