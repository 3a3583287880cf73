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
  resolve: 'Mark as resolved',
  undoResolve: 'Undo marking as resolved',
  setStatus: 'Mark as needing a human, or as unresolved',
  setPriority: 'Set the priority high, medium or low',
  switchAi: 'Switch the AI on or off',
  assignToMe: 'Assign to me',
  writeNote: 'Write a note',
  reply: 'Reply to the customer',
  sendReply: 'Send the reply (in the reply box)',
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
  resolve: 'Marcar como resolvida',
  undoResolve: 'Desfazer a resolução',
  setStatus: 'Marcar como precisa de humano, ou como não resolvida',
  setPriority: 'Definir a prioridade alta, média ou baixa',
  switchAi: 'Ligar ou desligar a IA',
  assignToMe: 'Atribuir a mim',
  writeNote: 'Escrever uma nota',
  reply: 'Responder ao cliente',
  sendReply: 'Enviar a resposta (na caixa de resposta)',
  next: 'Próxima conversa',
  previous: 'Conversa anterior',
  openRow: 'Abrir a conversa selecionada',
  enter: 'Enter',
  ctrl: 'Ctrl',
};

export const shortcutsDictionaries: Record<Locale, Dictionary<typeof en>> = { en, 'pt-BR': ptBR };

export const shortcutsMessages = localized(shortcutsDictionaries);
