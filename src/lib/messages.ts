/** Every string the UI shows, in one place, so a second language is a second object of this shape. */
import { formatNumber } from './format';

const count = (n: number, one: string, many: string) =>
  `${formatNumber(n)} ${n === 1 ? one : many}`;

export const messages = {
  appName: 'Conversation Viewer',
  demoData: 'Demo data',
  demoDataHint: 'Fixtures served in the browser; no API is called.',
  skipToContent: 'Skip to content',
  home: {
    title: 'Open a conversation',
    inputLabel: 'Conversation id or link',
    inputHint: 'Paste an id such as conv_abc123, or a viewer link.',
    open: 'Open',
    demoList: 'Demo conversations',
  },
  idProblem: {
    empty: 'Enter a conversation id.',
    'too-long':
      'That id is longer than 256 characters; check that the whole link was not pasted twice.',
    'control-characters': 'That id contains control characters; copy it again from its source.',
  },
  notFoundPage: {
    title: 'Page not found',
    body: 'There is nothing at this address.',
    goHome: 'Go to the start page',
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
  },
  status: {
    label: 'Status',
    HUMAN_REQUESTED: 'Needs a human',
    UNRESOLVED: 'Open',
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
  panelCrashed: 'This part could not be shown; the rest of the conversation is unaffected.',
  unreadable: (n: number) =>
    `${count(n, 'entry', 'entries')} could not be read and ${n === 1 ? 'is' : 'are'} shown as received.`,
  contact: {
    unnamed: 'Unnamed contact',
    email: 'E-mail',
    phone: 'Phone',
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
    none: 'none',
  },
  timeline: {
    current: 'Current step',
    unavailable: 'Not available',
    available: 'Available',
    unknownScenario: 'Unnamed scenario',
    unknownStep: 'Unnamed step',
    steps: (n: number) => count(n, 'step', 'steps'),
    showEarlier: (n: number) => `Show ${count(n, 'earlier step', 'earlier steps')}`,
  },
  copy: {
    copy: (what: string) => `Copy ${what}`,
    copied: 'Copied',
    failed: 'Copy failed',
  },
  errors: {
    retry: 'Retry',
    goHome: 'Open another conversation',
    'not-found': {
      title: 'Conversation not found',
      body: 'No conversation with this id exists, or it was deleted:',
    },
    unauthorized: {
      title: 'The API key is missing or not accepted',
      body: 'Set CHATVOLT_API_KEY on the server that serves this viewer (in its environment or a .env file) and restart it.',
    },
    forbidden: {
      title: 'The API key has no access to this conversation',
      body: 'Use a key of the organization that owns this conversation (CHATVOLT_API_KEY on the server).',
    },
    'rate-limited': {
      title: 'Too many requests',
      body: 'The API asks us to slow down. Wait a moment, then retry.',
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
    status: (status: number) => `HTTP ${status}`,
  },
} as const;
