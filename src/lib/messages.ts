/**
 * Every string the UI shows, in one place: English here, Brazilian Portuguese in
 * messages.pt-BR.ts, an object of the same shape.
 */
import { currentLocale, formatNumber } from './format';
import type { Locale } from './locales';

/** "1 conversation", "2,000 conversations": the number in the current locale. */
export const count = (n: number, one: string, many: string) =>
  `${formatNumber(n)} ${n === 1 ? one : many}`;

export const en = {
  appName: 'Conversation Viewer',
  skipToContent: 'Skip to content',
  loadingPage: 'Loading…',
  idProblem: {
    empty: 'Enter a conversation id.',
    'too-long':
      'That id is longer than 256 characters; check that the whole link was not pasted twice.',
    'control-characters': 'That id contains control characters; copy it again from its source.',
    'no-id-in-link':
      'That link does not lead to a conversation. Paste a conversation’s link or id.',
    'not-an-id':
      'That is not a conversation id. Paste an id such as conv_abc123, or a link to one.',
  },
  goHome: 'Go to the start page',
  nav: { label: 'Main', conversations: 'Conversations' },
  language: { label: 'Language' },
  channels: {
    whatsapp: 'WhatsApp',
    zapi: 'WhatsApp (Z-API)',
    instagram: 'Instagram',
    instagramDm: 'Instagram Direct',
    website: 'Website widget',
    chatbox: 'Chat box',
    dashboard: 'Dashboard',
    telegram: 'Telegram',
    mercadolivre: 'Mercado Livre',
    mercadolivreDm: 'Mercado Livre messages',
    email: 'E-mail',
    mail: 'E-mail',
    api: 'API',
    internal_chats: 'Internal chat',
  },
  crash: {
    title: 'Something went wrong on this page',
    body: 'The viewer hit an unexpected error. Reloading usually helps.',
    reload: 'Reload',
  },
  conversation: {
    untitled: 'Untitled conversation',
    idLabel: 'Conversation id',
    channel: 'Channel',
    unknownChannel: 'Unknown channel',
    aiOn: 'AI on',
    aiOff: 'AI off',
    aiUnknown: 'AI unknown',
    created: 'Created',
    updated: 'Updated',
    unknownDate: 'unknown',
    unreadableFields: (fields: string[]) =>
      `Some fields had values of an unexpected type and are not shown: ${fields.join(', ')}.`,
    loading: 'Loading conversation…',
    staleNotice: 'Could not refresh; showing the data loaded earlier.',
    refreshing: 'Refreshing…',
    unread: (n: number) => count(n, 'unread message', 'unread messages'),
    blocked: 'Contact blocked',
    group: 'Group chat',
    lastHuman: 'Last human interaction',
  },
  status: {
    label: 'Status',
    HUMAN_REQUESTED: 'Needs a human',
    UNRESOLVED: 'Unresolved',
    RESOLVED: 'Resolved',
    none: 'No status',
  },
  priority: {
    label: 'Priority',
    HIGH: 'High priority',
    MEDIUM: 'Medium priority',
    LOW: 'Low priority',
    none: 'No priority',
  },
  frustration: {
    label: 'Frustration',
    none: 'Not measured',
    calm: 'Calm',
    mild: 'Mild',
    high: 'High',
    severe: 'Severe',
    outOfRange: (value: string) => `Out of range (${value})`,
  },
  panels: {
    contacts: 'Contacts',
    variables: 'Variables',
    contexts: 'Contexts',
    assignees: 'Assignees',
    tags: 'Tags',
    metadata: 'Metadata',
    identifiers: 'Identifiers',
    timeline: 'CRM timeline',
    nps: 'NPS survey',
    ads: 'Came from an ad',
    actions: 'Actions',
    notes: 'Notes',
  },
  empty: {
    contacts: 'No contacts are linked to this conversation.',
    variables: 'No variables were collected.',
    contexts: 'No contexts are attached.',
    assignees: 'Nobody is assigned yet.',
    tags: 'No tags.',
    metadata: 'No metadata.',
    timeline: 'Not linked to any CRM scenario.',
    filter: (query: string) => `No variable matches “${query}”.`,
  },
  showMore: (next: string, left: string) => `Show ${next} more (${left} not shown)`,
  opensInNewTab: '(opens in a new tab)',
  panelCrashed: 'This part could not be shown; the rest of the conversation is unaffected.',
  unreadable: (n: number) =>
    `${count(n, 'entry', 'entries')} could not be read and ${n === 1 ? 'is' : 'are'} shown as received.`,
  contact: {
    unnamed: 'Unnamed contact',
    email: 'E-mail',
    phone: 'Phone',
    externalId: 'External id',
    picture: 'Picture',
  },
  nps: {
    score: 'Score',
    outOf: (score: number) => `${formatNumber(score)} of 10`,
    bands: { detractor: 'Detractor', passive: 'Passive', promoter: 'Promoter' },
    comment: 'Comment',
    answered: 'Answered',
    sent: 'Sent',
    waiting: 'Sent; not answered yet.',
  },
  ads: {
    untitled: 'Untitled ad',
    open: 'Open the ad',
    image: 'Open its image',
    media: 'Media',
    clicked: 'Clicked',
    adId: 'Ad id',
  },
  variables: {
    filterLabel: 'Filter variables',
    unnamed: (index: number) => `#${index + 1}`,
    shown: (shown: number, total: number) => `${formatNumber(shown)} of ${formatNumber(total)}`,
  },
  metadata: { show: 'Show JSON' },
  identifiers: {
    organizationId: 'Organization',
    agentId: 'Agent',
    userId: 'User',
    visitorId: 'Visitor',
    channelExternalId: 'Channel external id',
    channelCredentialsId: 'Channel credentials',
    mailInboxId: 'Mail inbox',
    formId: 'Form',
    aiUserIdentifier: 'AI user identifier',
    whatsappChatLid: 'WhatsApp chat LID',
    none: 'none',
  },
  timeline: {
    current: 'Current step',
    unavailable: 'Not available',
    unknownScenario: 'Unnamed scenario',
    unknownStep: 'Unnamed step',
    steps: (n: number) => count(n, 'step', 'steps'),
    showEarlier: (n: number) => `Show ${count(n, 'earlier step', 'earlier steps')}`,
    /** A step known only by its position in its scenario, counted from 1. */
    stepNumber: (n: number) => `Step ${n}`,
    logStatus: { inactive: 'Inactive', error: 'Error' },
    historyUnavailable: 'CRM history is not available for this organization’s plan.',
    historyFailed: 'The CRM history could not be loaded.',
  },
  transcript: {
    title: 'Transcript',
    loading: 'Loading messages…',
  },
  copy: {
    copy: (what: string) => `Copy ${what}`,
    copied: 'Copied',
    failed: 'Copy failed',
  },
  jump: {
    label: 'Jump to a conversation',
    placeholder: 'Jump to a conversation…',
    open: 'Jump to a conversation',
    suggestions: 'Recent conversations',
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    close: 'Close',
  },
  freshness: {
    loaded: (relative: string) => `Refreshed ${relative}`,
    refresh: 'Refresh',
    copyLink: 'Copy link',
    linkCopied: 'Link copied',
    copyRefused: 'The browser did not allow copying. Copy the link from here:',
    linkLabel: 'Link to this conversation',
  },
  errors: {
    retry: 'Retry',
    goHome: 'Open another conversation',
    status: (status: number) => `HTTP ${status}`,
  },
} as const;

/**
 * A feature's own words, for the current language: a feature whose code loads on demand keeps
 * its words with it. The app draws again when the language changes, so ask at each render.
 */
export const localized =
  <T>(byLocale: Record<Locale, T>) =>
  (): T =>
    byLocale[currentLocale()];

/** The shape every language fills: the same keys, any words, the same functions. */
export type Dictionary<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: never[]) => unknown
      ? T[K]
      : Dictionary<T[K]>;
};
export type Messages = Dictionary<typeof en>;

type Tree = Record<string, unknown>;

/** Copies a dictionary into `target` key by key, keeping `target`'s nested objects. */
function fill(target: Tree, source: Tree) {
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === 'object' && value !== null) {
      target[key] ??= {};
      fill(target[key] as Tree, value as Tree);
    } else {
      target[key] = value;
    }
  }
}

/**
 * The current language's strings. setMessages refills this same object, nested objects
 * included, so a module that keeps `messages.home` at hand reads the new words too; the app
 * then remounts its tree (see src/features/language).
 */
export const messages = {} as Messages;
fill(messages, en);

export function setMessages(next: Messages) {
  fill(messages, next);
}
