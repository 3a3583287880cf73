/**
 * The transcript's words in both languages: they load with the transcript, not with every page
 * (its title and loading line, which the page shows first, stay in lib/messages.ts).
 */
import type { Locale } from '@/lib/locales';
import { count, localized, type Dictionary } from '@/lib/messages';

const en = {
  listLabel: 'Messages',
  empty: 'No messages in this conversation yet.',
  loadEarlier: 'Load earlier messages',
  loadingEarlier: 'Loading earlier messages…',
  start: 'Start of the conversation',
  failed: 'The messages could not be loaded.',
  earlierFailed: 'Earlier messages could not be loaded.',
  refreshFailed: 'New messages could not be checked for.',
  authors: {
    contact: 'Contact',
    'human-agent': 'Operator',
    ai: 'AI agent',
    unknown: 'Unknown sender',
  },
  unknownTime: 'time unknown',
  unread: 'Unread',
  sources: (n: number) => count(n, 'source', 'sources'),
  sourceScore: (percent: string) => `${percent} match`,
  unnamedSource: 'Unnamed source',
  evaluation: { good: 'Rated good', bad: 'Rated bad' },
  attachments: 'Attachments',
  noText: 'No text we can read; the message as received:',
  unreadable: 'This entry could not be read; as received:',
  you: 'You',
  sending: 'Sending…',
  customerWrote: (text: string) => `New message from the contact: ${text}`,
} as const;

const ptBR: Dictionary<typeof en> = {
  listLabel: 'Mensagens',
  empty: 'Ainda não há mensagens nesta conversa.',
  loadEarlier: 'Carregar mensagens anteriores',
  loadingEarlier: 'Carregando mensagens anteriores…',
  start: 'Início da conversa',
  failed: 'Não foi possível carregar as mensagens.',
  earlierFailed: 'Não foi possível carregar as mensagens anteriores.',
  refreshFailed: 'Não foi possível verificar se há mensagens novas.',
  authors: {
    contact: 'Contato',
    'human-agent': 'Atendente',
    ai: 'Agente de IA',
    unknown: 'Remetente desconhecido',
  },
  unknownTime: 'horário desconhecido',
  unread: 'Não lida',
  sources: (n: number) => count(n, 'fonte', 'fontes'),
  sourceScore: (percent: string) => `${percent} de similaridade`,
  unnamedSource: 'Fonte sem nome',
  evaluation: { good: 'Avaliada como boa', bad: 'Avaliada como ruim' },
  attachments: 'Anexos',
  noText: 'Sem texto legível; a mensagem como foi recebida:',
  unreadable: 'Esta entrada não pôde ser lida; como foi recebida:',
  you: 'Você',
  sending: 'Enviando…',
  customerWrote: (text: string) => `Nova mensagem do contato: ${text}`,
};

export const transcriptDictionaries: Record<Locale, Dictionary<typeof en>> = { en, 'pt-BR': ptBR };

export const transcriptMessages = localized(transcriptDictionaries);
