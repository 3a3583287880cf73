/**
 * The triage list's words in both languages: they load with the list, not with every page.
 */
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/locales';
import { count, localized, type Dictionary } from '@/lib/messages';

const en = {
  title: 'Conversations',
  count: (n: number) => count(n, 'conversation', 'conversations'),
  countOf: (shown: number, total: number) =>
    `${formatNumber(shown)} of ${count(total, 'conversation', 'conversations')}`,
  filtersLabel: 'Filters',
  any: 'Any',
  status: 'Status',
  priority: 'Priority',
  channel: 'Channel',
  unread: 'Read state',
  unreadOnly: 'Unread',
  readOnly: 'Read',
  createdFrom: 'Created from',
  createdUntil: 'Created until',
  agentId: 'Agent',
  assigneeId: 'Assignee',
  sort: 'Order',
  sorts: {
    attention: 'Needs attention',
    updated: 'Recently updated',
    waiting: 'Waiting longest',
    frustrated: 'Most frustrated',
  },
  search: 'Search loaded conversations',
  searchHint: 'Title, contact or tag',
  removeFilter: (label: string) => `Remove filter ${label}`,
  clearFilters: 'Clear filters',
  noMatch: (filters: string) => `No conversation matches ${filters}.`,
  noSearchMatch: (query: string) => `No loaded conversation matches “${query}”.`,
  none: 'There are no conversations yet.',
  unreadableRow: 'An entry of the list could not be read:',
  unassigned: 'Unassigned',
  updated: 'Updated',
  loading: 'Loading conversations…',
  keyboardHint: 'j / k to move, Enter to open',
  scopes: { open: 'Open queue', all: 'All statuses' },
  walking: (n: number) => `${count(n, 'conversation', 'conversations')} loaded so far…`,
  loadedSoFar: (n: number) => `${formatNumber(n)} loaded; more as you scroll`,
  loadMore: 'Load more',
  loadingMore: 'Loading more…',
  moreFailed: 'More conversations could not be loaded.',
  capped: (n: number) =>
    `Showing the first ${formatNumber(n)}; narrow the filters to reach the rest.`,
  moreFilters: 'More filters',
  tag: 'Tag',
  ai: 'AI',
  frustrationMin: 'Frustration from',
  frustrationMax: 'Frustration up to',
  npsRating: 'NPS score',
  crmScenarioId: 'CRM scenario id',
  crmStepId: 'CRM step id',
  adSourceId: 'Ad id',
  newMarker: 'New',
  newRows: (n: number) => `${formatNumber(n)} new`,
  showNewRows: (n: number) =>
    `Show ${formatNumber(n)} new ${n === 1 ? 'conversation' : 'conversations'}`,
  arrived: (n: number, title: string) =>
    n === 1 ? `New conversation: ${title}` : `${formatNumber(n)} new conversations`,
  selectionLeft: (left: string, selected: string | null) =>
    selected === null
      ? `“${left}” left the list.`
      : `“${left}” left the list; “${selected}” is selected.`,
  notify: {
    label: 'Notify me when someone asks for a person',
    unsupported: 'This browser cannot show notifications.',
    denied:
      'Notifications are blocked for this site. Allow them in the browser’s site settings, then switch this on again.',
    dismissed:
      'The browser was not allowed to show notifications. Switch this on to be asked again.',
    title: 'Someone asks for a person',
    more: (n: number) =>
      `${formatNumber(n)} more ${n === 1 ? 'conversation asks' : 'conversations ask'} for a person`,
  },
} as const;

const ptBR: Dictionary<typeof en> = {
  title: 'Conversas',
  count: (n: number) => count(n, 'conversa', 'conversas'),
  countOf: (shown: number, total: number) =>
    `${formatNumber(shown)} de ${count(total, 'conversa', 'conversas')}`,
  filtersLabel: 'Filtros',
  any: 'Qualquer',
  status: 'Status',
  priority: 'Prioridade',
  channel: 'Canal',
  unread: 'Leitura',
  unreadOnly: 'Não lidas',
  readOnly: 'Lidas',
  createdFrom: 'Criada a partir de',
  createdUntil: 'Criada até',
  agentId: 'Agente',
  assigneeId: 'Responsável',
  sort: 'Ordem',
  sorts: {
    attention: 'Precisa de atenção',
    updated: 'Atualizadas recentemente',
    waiting: 'Esperando há mais tempo',
    frustrated: 'Mais frustradas',
  },
  search: 'Buscar nas conversas carregadas',
  searchHint: 'Título, contato ou tag',
  removeFilter: (label: string) => `Remover filtro ${label}`,
  clearFilters: 'Limpar filtros',
  noMatch: (filters: string) => `Nenhuma conversa corresponde a ${filters}.`,
  noSearchMatch: (query: string) => `Nenhuma conversa carregada corresponde a “${query}”.`,
  none: 'Ainda não há conversas.',
  unreadableRow: 'Um item da lista não pôde ser lido:',
  unassigned: 'Sem responsável',
  updated: 'Atualizada',
  loading: 'Carregando conversas…',
  keyboardHint: 'j / k para mover, Enter para abrir',
  scopes: { open: 'Fila aberta', all: 'Todos os status' },
  walking: (n: number) => `${count(n, 'conversa carregada', 'conversas carregadas')} até agora…`,
  loadedSoFar: (n: number) => `${formatNumber(n)} carregadas; mais ao rolar`,
  loadMore: 'Carregar mais',
  loadingMore: 'Carregando mais…',
  moreFailed: 'Não foi possível carregar mais conversas.',
  capped: (n: number) =>
    `Exibindo as primeiras ${formatNumber(n)}; refine os filtros para ver o restante.`,
  moreFilters: 'Mais filtros',
  tag: 'Tag',
  ai: 'IA',
  frustrationMin: 'Frustração a partir de',
  frustrationMax: 'Frustração até',
  npsRating: 'Nota NPS',
  crmScenarioId: 'Id do cenário do CRM',
  crmStepId: 'Id da etapa do CRM',
  adSourceId: 'Id do anúncio',
  newMarker: 'Nova',
  newRows: (n: number) => `${formatNumber(n)} ${n === 1 ? 'nova' : 'novas'}`,
  showNewRows: (n: number) =>
    n === 1 ? 'Mostrar 1 nova conversa' : `Mostrar as ${formatNumber(n)} novas conversas`,
  arrived: (n: number, title: string) =>
    n === 1 ? `Nova conversa: ${title}` : `${formatNumber(n)} novas conversas`,
  selectionLeft: (left: string, selected: string | null) =>
    selected === null
      ? `“${left}” saiu da lista.`
      : `“${left}” saiu da lista; “${selected}” está selecionada.`,
  notify: {
    label: 'Avisar quando alguém pedir uma pessoa',
    unsupported: 'Este navegador não mostra notificações.',
    denied:
      'As notificações estão bloqueadas para este site. Permita-as nas configurações do site no navegador e ative de novo.',
    dismissed:
      'O navegador não recebeu permissão para mostrar notificações. Ative de novo para ser perguntado outra vez.',
    title: 'Alguém pede uma pessoa',
    more: (n: number) =>
      `Mais ${formatNumber(n)} ${n === 1 ? 'conversa pede' : 'conversas pedem'} uma pessoa`,
  },
};

export const triageDictionaries: Record<Locale, Dictionary<typeof en>> = { en, 'pt-BR': ptBR };

export const triageMessages = localized(triageDictionaries);
