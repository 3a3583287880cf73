/**
 * The conversation writes the way the API's contract answers them (shared/api/README.md,
 * "Writes"), for the demo handlers, the end-to-end stub and the bench upstream alike: status,
 * priority, AI, assign and unassign change the conversation handed in; notes, and the messages
 * sent and received since, are kept here, per conversation id.
 */
import { REPLY_WINDOW_HOURS, replyWindowChannels } from '../config/reply-window.ts';
type Wire = Record<string, unknown>;

export interface Member {
  id: string;
  name: string;
  email: string;
}

/** The contract's `ConversationNote`. */
export interface WireNote {
  id: string;
  note: string;
  isPrivate: boolean;
  isJustification: boolean;
  conversationId: string;
  organizationId: string;
  userId: string;
  userEmail: string;
  notificationDateTime: string | null;
  sendDesktopNotification: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A note there before any write, by a member of the organization. */
export interface SeedNote {
  conversationId: string;
  note: string;
  isPrivate: boolean;
  author: Pick<Member, 'id' | 'email'>;
  createdAt: string;
}

export interface WriteAnswer {
  status: number;
  body: object;
}

export interface ConversationWritesOptions {
  /** The organization the API key belongs to: every note is filed under it. */
  organizationId: string;
  /** Who "assign" may name. */
  members: Member[];
  /** The key acts as the organization's owner, so the API names the owner as every note's author. */
  keyOwner: Pick<Member, 'id' | 'email'>;
  seedNotes?: SeedNote[];
  /** A conversation's messages before any write, oldest first; none when not given. */
  messagesOf?: (conversation: Wire) => unknown[];
  now?: () => Date;
}

/** The most the API keeps of a note, in characters. */
const NOTE_MAX_LENGTH = 500;

const REPLY_WINDOW_MS = REPLY_WINDOW_HOURS * 60 * 60 * 1000;

const isRecord = (value: unknown): value is Wire =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (details: string): WriteAnswer => ({
  status: 400,
  body: { error: 'INVALID_REQUEST', details },
});
const done = (message: string): WriteAnswer => ({ status: 200, body: { success: true, message } });
const notFound = (error: string): WriteAnswer => ({ status: 404, body: { error } });

/** The value of `field` when it is one of `allowed`. */
const oneOf = <T extends string>(body: Wire, field: string, allowed: readonly T[]) =>
  allowed.find((value) => value === body[field]);

/** How "assign" finds its member by each of the ways the contract lets a body name one. */
const memberMatchers: Record<string, (member: Member, value: string) => boolean> = {
  email: (member, value) => member.email.toLowerCase() === value.toLowerCase(),
  id: (member, value) => member.id === value,
  // Members here carry no membership id: one names nobody, as an unknown one would.
  membershipId: () => false,
};

const assignedUserIds = (conversation: Wire) =>
  (Array.isArray(conversation.assignees) ? conversation.assignees : []).map((assignee: unknown) =>
    isRecord(assignee) && isRecord(assignee.user) ? assignee.user.id : undefined,
  );

export function createConversationWrites({
  organizationId,
  members,
  keyOwner,
  seedNotes = [],
  messagesOf = () => [],
  now = () => new Date(),
}: ConversationWritesOptions) {
  const notes = new Map<string, WireNote[]>();
  let noteCount = 0;
  /** Messages sent or received since, by conversation id, oldest first. */
  const newMessages = new Map<string, Wire[]>();
  let messageCount = 0;

  /** Sets the fields a write changes; arrays are replaced, never edited, so copies stay apart. */
  const change = (conversation: Wire, fields: Wire) =>
    Object.assign(conversation, fields, { updatedAt: now().toISOString() });

  /**
   * Stores a message and touches its conversation, as the platform does: its `updatedAt` moves,
   * and a customer's message counts as unread (what Chatvolt's own inbox watches for).
   */
  function addMessage(
    conversation: Wire,
    text: string,
    from: { userId: string } | { contactId: string },
  ) {
    const conversationId = String(conversation.id);
    const unread = Number(conversation.unreadMessagesCount);
    change(
      conversation,
      'contactId' in from
        ? { unreadMessagesCount: (Number.isInteger(unread) ? unread : 0) + 1 }
        : {},
    );
    messageCount += 1;
    const createdAt = now().toISOString();
    const message: Wire = {
      id: `msg_new_${messageCount}`,
      conversationId,
      text,
      html: null,
      from: 'human',
      ...from,
      read: 'userId' in from,
      createdAt,
      updatedAt: createdAt,
    };
    newMessages.set(conversationId, [...(newMessages.get(conversationId) ?? []), message]);
    return message;
  }

  const allMessages = (conversation: Wire) => [
    ...messagesOf(conversation),
    ...(newMessages.get(String(conversation.id)) ?? []),
  ];

  /** Whether the platform would still take an answer: WhatsApp and Instagram close 24 h after the customer's last word. */
  function windowOpen(conversation: Wire) {
    if (!replyWindowChannels.includes(String(conversation.channel))) return true;
    const customerTimes = allMessages(conversation).flatMap((message) =>
      isRecord(message) &&
      message.from === 'human' &&
      !message.userId &&
      typeof message.createdAt === 'string'
        ? [Date.parse(message.createdAt)]
        : [],
    );
    return (
      customerTimes.length > 0 && now().getTime() - Math.max(...customerTimes) < REPLY_WINDOW_MS
    );
  }

  function send(conversation: Wire, { message }: Wire): WriteAnswer {
    if (typeof message !== 'string' || message.length === 0) return invalid('message is required');
    if (!windowOpen(conversation)) {
      return { status: 406, body: { error: 'ERR_META_SESSION_EXPIRED_24H' } };
    }
    const stored = addMessage(conversation, message, { userId: keyOwner.id });
    return { status: 200, body: { success: true, message: stored } };
  }

  function addNote({ conversationId, note, isPrivate, author, createdAt }: SeedNote): WireNote {
    noteCount += 1;
    const added: WireNote = {
      id: `note_${noteCount}`,
      note,
      isPrivate,
      isJustification: false,
      conversationId,
      organizationId,
      userId: author.id,
      userEmail: author.email,
      notificationDateTime: null,
      sendDesktopNotification: false,
      createdAt,
      updatedAt: createdAt,
    };
    notes.set(conversationId, [...(notes.get(conversationId) ?? []), added]);
    return added;
  }

  seedNotes.toSorted((a, b) => a.createdAt.localeCompare(b.createdAt)).forEach(addNote);

  function assign(conversation: Wire, body: Wire): WriteAnswer {
    const named = Object.keys(memberMatchers).filter((way) => body[way] !== undefined);
    if (named.length !== 1) return invalid('exactly one of email, id or membershipId is required');
    const [way] = named as [string];
    const value = body[way];
    if (typeof value !== 'string') return invalid(`${way} must be a string`);
    if (body.force !== undefined && typeof body.force !== 'boolean')
      return invalid('force must be a boolean');
    const member = members.find((candidate) => memberMatchers[way]!(candidate, value));
    if (!member) return notFound('User not found');
    const someoneElse = assignedUserIds(conversation).some((id) => id !== member.id);
    if (someoneElse && body.force !== true) {
      return { status: 409, body: { error: 'Conversation already assigned to another user' } };
    }
    const { id, name, email } = member;
    change(conversation, { assignees: [{ user: { id, name, email } }] });
    return done('Conversation Assigned.');
  }

  function addNoteFrom(conversationId: string, body: Wire): WriteAnswer {
    const { note, isPrivate = false } = body;
    if (typeof note !== 'string' || note.length === 0 || note.length > NOTE_MAX_LENGTH)
      return invalid(`note must be a text of 1 to ${NOTE_MAX_LENGTH} characters`);
    if (typeof isPrivate !== 'boolean') return invalid('isPrivate must be a boolean');
    const createdAt = now().toISOString();
    return {
      status: 201,
      body: addNote({ conversationId, note, isPrivate, author: keyOwner, createdAt }),
    };
  }

  const actions: Record<string, (conversation: Wire, body: Wire) => WriteAnswer> = {
    'set-status': (conversation, body) => {
      const status = oneOf(body, 'status', ['RESOLVED', 'UNRESOLVED', 'HUMAN_REQUESTED']);
      if (!status) return invalid('status must be RESOLVED, UNRESOLVED or HUMAN_REQUESTED');
      change(conversation, { status });
      return done('Conversation Status changed.');
    },
    'set-priority': (conversation, body) => {
      const priority = oneOf(body, 'priority', ['LOW', 'MEDIUM', 'HIGH']);
      if (!priority) return invalid('priority must be LOW, MEDIUM or HIGH');
      change(conversation, { priority });
      return done('Conversation Priority changed.');
    },
    'set-ai-enabled': (conversation, { enabled }) => {
      if (typeof enabled !== 'boolean') return invalid('enabled must be a boolean');
      change(conversation, { isAiEnabled: enabled });
      return done(enabled ? 'AI is On.' : 'AI is Off.');
    },
    assign,
    unassign: (conversation) => {
      change(conversation, { assignees: [] });
      return done('Conversation unassigned.');
    },
    notes: (conversation, body) => addNoteFrom(String(conversation.id), body),
    message: send,
  };

  return {
    /**
     * `POST /conversations/{id}/<action>` (or, for `message`, `POST
     * /conversation/message/conversationId/{id}`) to `conversation` (undefined: none has that id),
     * which a successful change edits in place; `body` as parsed from JSON, undefined when there
     * was none.
     */
    write(conversation: Wire | undefined, action: string, body: unknown): WriteAnswer {
      const answer = Object.hasOwn(actions, action) ? actions[action]! : undefined;
      if (!answer) return notFound('NOT FOUND');
      if (!conversation) return notFound('Conversation not found');
      // Only unassign takes no body; the others find their fields missing in an empty one.
      return answer(conversation, isRecord(body) ? body : {});
    },

    /** The conversation's messages, those sent and received since included, oldest first. */
    messagesOf: allMessages,

    /** The customer writes to the conversation (as they would on their phone). */
    customerWrites(conversation: Wire, text: string) {
      return addMessage(conversation, text, {
        contactId: `ct_${String(conversation.id)}`,
      });
    },

    /** `GET /conversations/{id}/notes`: the bare array, oldest first. */
    readNotes(conversation: Wire | undefined): WriteAnswer {
      if (!conversation) return notFound('Conversation not found');
      return { status: 200, body: [...(notes.get(String(conversation.id)) ?? [])] };
    },
  };
}

export type ConversationWrites = ReturnType<typeof createConversationWrites>;
