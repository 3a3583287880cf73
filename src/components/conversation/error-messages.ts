/**
 * What each kind of failure means and what to do about it, in both languages: the words of the
 * error page, loaded with it when something fails, not with every page.
 */
import type { Locale } from '@/lib/locales';
import { count, localized, type Dictionary } from '@/lib/messages';

const en = {
  'not-found': {
    title: 'Conversation not found',
    body: 'No conversation with this id exists, or it was deleted:',
  },
  unauthorized: {
    title: 'The API key is missing or not accepted',
    body: 'Set CHATVOLT_API_KEY on the server that serves this viewer (in its environment or a .env file) and restart it.',
  },
  forbidden: {
    title: 'The Chatvolt API refused the viewer’s key or access',
    body: 'The API answered 403: the key is wrong or revoked, or this belongs to another organization. An administrator should check CHATVOLT_API_KEY on the viewer’s server against the organization’s API keys in the Chatvolt dashboard, then restart the server.',
  },
  'rate-limited': {
    title: 'Too many requests',
    body: 'The Chatvolt API asked the viewer to wait. Its limit belongs to the organization’s key, which every agent shares, so the viewer asks it nothing until then.',
    waitSeconds: (s: number) => `Try again in ${count(s, 'second', 'seconds')}.`,
  },
  server: {
    title: 'The Chatvolt API has a problem',
    body: 'It answered with a server error. This is usually temporary.',
  },
  timeout: {
    title: 'The API did not answer in time',
    body: 'It may be overloaded or unreachable. Try again.',
  },
  network: {
    title: 'No connection to the viewer’s server',
    body: 'Check your network connection, then retry.',
  },
  'invalid-response': {
    title: 'The API sent something unexpected',
    body: 'The answer was not the conversation data we expected (perhaps a gateway error page).',
  },
  'bad-request': { title: 'The API rejected the request', body: 'Check the conversation id.' },
  'unexpected-status': {
    title: 'The API answered unexpectedly',
    body: 'It answered with a status the viewer does not know.',
  },
} as const;

const ptBR: Dictionary<typeof en> = {
  'not-found': {
    title: 'Conversa não encontrada',
    body: 'Não existe conversa com este id, ou ela foi excluída:',
  },
  unauthorized: {
    title: 'A chave da API está ausente ou não foi aceita',
    body: 'Defina CHATVOLT_API_KEY no servidor que serve este visualizador (no ambiente ou em um arquivo .env) e reinicie-o.',
  },
  forbidden: {
    title: 'A API da Chatvolt recusou a chave ou o acesso do visualizador',
    body: 'A API respondeu 403: a chave está errada ou foi revogada, ou isto pertence a outra organização. Um administrador deve conferir a CHATVOLT_API_KEY no servidor do visualizador com as chaves de API da organização no painel da Chatvolt e reiniciar o servidor.',
  },
  'rate-limited': {
    title: 'Requisições demais',
    body: 'A API do Chatvolt pediu ao visualizador para esperar. O limite é da chave da organização, compartilhada por todos os atendentes, então o visualizador não pede nada até lá.',
    waitSeconds: (s: number) => `Tente de novo em ${count(s, 'segundo', 'segundos')}.`,
  },
  server: {
    title: 'A API da Chatvolt está com problemas',
    body: 'Ela respondeu com um erro de servidor. Isso costuma ser temporário.',
  },
  timeout: {
    title: 'A API não respondeu a tempo',
    body: 'Ela pode estar sobrecarregada ou inacessível. Tente de novo.',
  },
  network: {
    title: 'Sem conexão com o servidor do visualizador',
    body: 'Verifique sua conexão de rede e tente de novo.',
  },
  'invalid-response': {
    title: 'A API enviou algo inesperado',
    body: 'A resposta não eram os dados de conversa esperados (talvez uma página de erro de um gateway).',
  },
  'bad-request': { title: 'A API recusou a requisição', body: 'Confira o id da conversa.' },
  'unexpected-status': {
    title: 'A API respondeu de forma inesperada',
    body: 'Ela respondeu com um status que o visualizador não conhece.',
  },
};

export const errorDictionaries: Record<Locale, Dictionary<typeof en>> = { en, 'pt-BR': ptBR };

export const errorMessages = localized(errorDictionaries);
