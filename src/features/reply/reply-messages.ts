/** The words of the reply composer in both languages: they load with its code. */
import type { Locale } from '@/lib/locales';
import { count, localized, type Dictionary } from '@/lib/messages';
import { formatNumber } from '@/lib/format';

const en = {
  label: 'Reply to the customer',
  help: (channel: string) =>
    `Goes to the customer on ${channel}, from the organization’s account; the audit log records that you sent it.`,
  helpNoChannel:
    'Goes to the customer on the conversation’s channel, from the organization’s account; the audit log records that you sent it.',
  keys: 'Enter adds a line; Ctrl+Enter (⌘+Enter) sends.',
  count: (n: number, max: number) => `${formatNumber(n)} of ${formatNumber(max)} characters`,
  tooLong: (over: number) => `${count(over, 'character', 'characters')} too many`,
  sendOn: (channel: string) => `Send on ${channel}`,
  sendToCustomer: 'Send to the customer',
  sending: 'Sending…',
  sent: 'Sent to the customer.',
  windowOpen: {
    hour: (n: number) => `You can answer for ${n} h more.`,
    minute: (n: number) =>
      n < 1 ? 'You can answer for less than a minute more.' : `You can answer for ${n} min more.`,
  },
  windowClosed: (channel: string, ago: string) =>
    `The 24-hour window to answer on ${channel} closed ${ago}: the platform takes no reply until the customer writes again.`,
  windowUnknown: (channel: string) =>
    `${channel} takes answers only within 24 hours of the customer’s last message, which is not among those loaded.`,
  refused: 'The message was not sent',
  why: {
    offline: 'you are offline.',
    closed: 'the 24-hour window to answer has closed; the customer must write first.',
    'bad-request': 'the API did not accept it.',
    forbidden: 'the API refused it (no access to this conversation).',
    'not-found': 'the API no longer finds this conversation.',
    'too-long': 'it is too long.',
    'rate-limited': (seconds: number | undefined) =>
      seconds === undefined
        ? 'the API asked to wait; try again shortly.'
        : `the API asked to wait ${count(seconds, 'second', 'seconds')}.`,
    other: (status: number) => `the API answered ${status}.`,
  },
  tryAgain: 'Try again',
  checking: 'No answer came back: checking whether the message reached the conversation…',
  unconfirmed:
    'No answer came back, and the message is not in the conversation: it was probably not sent.',
  sendAgain: 'Send it again',
  checkFailed:
    'No answer came back, and the conversation could not be read to check: the message may have been sent. It is not sent again by itself.',
  checkAgain: 'Check again',
  notKept:
    'This browser is not keeping drafts (storage is full or off): copy long replies before you leave.',
} as const;

const ptBR: Dictionary<typeof en> = {
  label: 'Responder ao cliente',
  help: (channel: string) =>
    `Vai para o cliente pelo ${channel}, pela conta da organização; o log de auditoria registra que foi você quem enviou.`,
  helpNoChannel:
    'Vai para o cliente pelo canal da conversa, pela conta da organização; o log de auditoria registra que foi você quem enviou.',
  keys: 'Enter quebra a linha; Ctrl+Enter (⌘+Enter) envia.',
  count: (n: number, max: number) => `${formatNumber(n)} de ${formatNumber(max)} caracteres`,
  tooLong: (over: number) => `${count(over, 'caractere', 'caracteres')} a mais`,
  sendOn: (channel: string) => `Enviar pelo ${channel}`,
  sendToCustomer: 'Enviar ao cliente',
  sending: 'Enviando…',
  sent: 'Enviada ao cliente.',
  windowOpen: {
    hour: (n: number) => `Você pode responder por mais ${n} h.`,
    minute: (n: number) =>
      n < 1
        ? 'Você pode responder por menos de um minuto.'
        : `Você pode responder por mais ${n} min.`,
  },
  windowClosed: (channel: string, ago: string) =>
    `A janela de 24 horas para responder pelo ${channel} fechou ${ago}: a plataforma não aceita resposta até o cliente escrever de novo.`,
  windowUnknown: (channel: string) =>
    `O ${channel} só aceita respostas até 24 horas após a última mensagem do cliente, que não está entre as carregadas.`,
  refused: 'A mensagem não foi enviada',
  why: {
    offline: 'você está sem conexão.',
    closed: 'a janela de 24 horas para responder fechou; o cliente precisa escrever primeiro.',
    'bad-request': 'a API não a aceitou.',
    forbidden: 'a API recusou (sem acesso a esta conversa).',
    'not-found': 'a API não encontra mais esta conversa.',
    'too-long': 'ela é longa demais.',
    'rate-limited': (seconds: number | undefined) =>
      seconds === undefined
        ? 'a API pediu para esperar; tente de novo em instantes.'
        : `a API pediu para esperar ${count(seconds, 'segundo', 'segundos')}.`,
    other: (status: number) => `a API respondeu ${status}.`,
  },
  tryAgain: 'Tentar de novo',
  checking: 'Nenhuma resposta voltou: verificando se a mensagem chegou à conversa…',
  unconfirmed:
    'Nenhuma resposta voltou, e a mensagem não está na conversa: provavelmente não foi enviada.',
  sendAgain: 'Enviar de novo',
  checkFailed:
    'Nenhuma resposta voltou, e não foi possível ler a conversa para verificar: a mensagem pode ter sido enviada. Ela não é reenviada sozinha.',
  checkAgain: 'Verificar de novo',
  notKept:
    'Este navegador não está guardando rascunhos (armazenamento cheio ou desligado): copie respostas longas antes de sair.',
};

export const replyDictionaries: Record<Locale, Dictionary<typeof en>> = { en, 'pt-BR': ptBR };

export const replyMessages = localized(replyDictionaries);
