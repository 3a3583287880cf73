/**
 * What the end-to-end stub upstream answers, in the contract's shapes (src/lib/api-contract.ts),
 * apart from the server so a unit test can hold them to the contract.
 */

/** The organization's operator on conv_live_1: its messages carry only this user id. */
export const liveOperator = { id: 'user_1', name: 'Bruna Operadora', email: 'agent1@example.com' };

export const liveConversation = {
  id: 'conv_live_1',
  title: 'Live conversation from the stub',
  status: 'HUMAN_REQUESTED',
  priority: 'HIGH',
  frustration: 0.81,
  unreadMessagesCount: 1,
  channel: 'whatsapp',
  isAiEnabled: false,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-24T10:00:00.000Z',
  participantsContacts: [
    { firstName: 'Lívia', email: 'livia@example.com', phoneNumber: '5521987654321' },
  ],
  assignees: [],
  tags: [{ tag: 'live' }],
};

/** Who the write tests may assign: conv_live_1's operator and two more of the organization. */
export const actMembers = [
  liveOperator,
  { id: 'user_ana', name: 'Ana Souza', email: 'ana.souza@acme.test' },
  { id: 'user_agent', name: 'Deploy Agent', email: 'agent@acme.test' },
];

/** Whom the stub's API key stands for: the organization's owner, the author of every note. */
export const actKeyOwner = { id: 'user_owner', email: 'owner@acme.test' };

/** How long ago an `act_closed_…` conversation's customer wrote: past WhatsApp's 24-hour window. */
export const CLOSED_WINDOW_HOURS = 30;

/**
 * A conversation of the write tests (`act_…`) as it starts: open, needing a human, assigned to
 * the live operator, or to nobody when its id starts `act_free_`. `now` is when it opened.
 */
export const actConversation = (id: string, now: string) => ({
  id,
  title: `Action test ${id}`,
  channel: 'whatsapp',
  status: 'HUMAN_REQUESTED',
  priority: 'MEDIUM',
  isAiEnabled: true,
  frustration: 0.4,
  unreadMessagesCount: 1,
  createdAt: now,
  updatedAt: now,
  assignees: id.startsWith('act_free_') ? [] : [{ user: liveOperator }],
  tags: [{ tag: 'act' }],
});

/** A write test conversation's messages as it starts: the customer's first, as it opened. */
export const actOpeningMessages = (conversation: { id: string; createdAt: string }) => [
  {
    id: `${conversation.id}_first`,
    conversationId: conversation.id,
    from: 'human',
    contactId: `ct_${conversation.id}`,
    text: 'Olá! Meu pedido ainda não chegou.',
    read: false,
    createdAt: conversation.createdAt,
    updatedAt: conversation.createdAt,
  },
];

/** The list's items; one has no id, which the list must survive. */
export const listItems = [
  { ...liveConversation, assignees: [{ user: liveOperator }] },
  {
    id: 'conv_live_2',
    title: 'Second live conversation',
    status: 'RESOLVED',
    priority: 'LOW',
    updatedAt: '2026-11-23T10:00:00.000Z',
  },
  {
    title: 'No id to link to',
    status: 'HUMAN_REQUESTED',
    unreadMessagesCount: 2,
    createdAt: '2026-11-21T10:00:00.000Z',
  },
];

/**
 * conv_live_1's transcript, oldest first: 60 messages, so a second page exists. The customer and
 * the operator both write `from: "human"`; the newest, the operator's, names no one but its user.
 */
export const liveMessages = Array.from({ length: 60 }, (_, index) => {
  const createdAt = new Date(Date.parse('2026-11-20T10:00:00.000Z') + index * 60_000).toISOString();
  const common = { id: `live_msg_${index + 1}`, conversationId: 'conv_live_1', createdAt };
  if (index === 0)
    return { ...common, from: 'human', contactId: 'ct_livia', text: 'First live message' };
  if (index === 59)
    return {
      ...common,
      from: 'human',
      userId: liveOperator.id,
      text: 'Newest live message, see https://example.com/help.',
    };
  return index % 2
    ? { ...common, from: 'agent', agentId: 'agent_1', text: `AI answer ${index + 1}` }
    : { ...common, from: 'human', contactId: 'ct_livia', text: `Contact message ${index + 1}` };
});

/**
 * The `count` latest messages in the envelope, in an order of the API's own: the contract states
 * none, so oldest first here (the demo serves another), and the reader sorts.
 */
export const liveMessagesAnswer = (count: number) => ({
  status: 'HUMAN_REQUESTED',
  messages: liveMessages.slice(Math.max(0, liveMessages.length - count)),
});
