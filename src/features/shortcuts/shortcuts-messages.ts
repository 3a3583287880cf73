/** The words of the keyboard shortcuts list in both languages: they load with its code, not with every page. */
import type { Locale } from '@/lib/locales';
import { localized, type Dictionary } from '@/lib/messages';

const en = {
  then: 'then',
  or: 'or',
  anywhere: 'Anywhere',
  onConversation: 'On a conversation',
  onList: 'On the conversation list',
  help: 'Show this list',
  jump: 'Jump to a conversation',
  goHome: 'Go to the start page',
  refresh: 'Refresh the conversation',
  copyLink: 'Copy the link to the conversation',
  next: 'Next conversation',
  previous: 'Previous conversation',
  openRow: 'Open the selected conversation',
  enter: 'Enter',
  ctrl: 'Ctrl',
} as const;

const ptBR: Dictionary<typeof en> = {
  then: 'depois',
  or: 'ou',
  anywhere: 'Em qualquer página',
  onConversation: 'Em uma conversa',
  onList: 'Na lista de conversas',
  help: 'Mostrar esta lista',
  jump: 'Ir para uma conversa',
  goHome: 'Ir para a página inicial',
  refresh: 'Atualizar a conversa',
  copyLink: 'Copiar o link da conversa',
  next: 'Próxima conversa',
  previous: 'Conversa anterior',
  openRow: 'Abrir a conversa selecionada',
  enter: 'Enter',
  ctrl: 'Ctrl',
};

export const shortcutsDictionaries: Record<Locale, Dictionary<typeof en>> = { en, 'pt-BR': ptBR };

export const shortcutsMessages = localized(shortcutsDictionaries);
