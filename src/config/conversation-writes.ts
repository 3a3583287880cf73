/**
 * The writes the viewer may make to a conversation, and the one body each may carry: the `/api`
 * proxy (src/server/api-proxy.ts) checks every write against these and rebuilds its body from
 * them; the app sends nothing else. Each is `POST /api/conversations/{id}/<action>`, but for the
 * message to the customer, `POST /api/conversation/message/conversationId/{id}`, as the API's
 * contract spells them (shared/api/README.md, "Writes").
 */
import * as z from 'zod/mini';
import { knownPriorities, knownStatuses } from './conversation-values.ts';

/** The most the API keeps of a note, in characters (UTF-16 code units, as JavaScript counts). */
export const NOTE_MAX_LENGTH = 500;

/** The most a message to the customer may hold, in characters (UTF-16 code units), trimmed. */
export const MESSAGE_MAX_LENGTH = 4096;

/** The most a write's JSON body may weigh, in bytes; nginx holds `/api/` to the same. */
export const WRITE_BODY_MAX_BYTES = 1024;

/**
 * The most a message's JSON body may weigh: 4,096 characters at six bytes each (a control
 * character escaped as `\u0000`) and the field around them; nginx holds the send to the same.
 */
export const MESSAGE_BODY_MAX_BYTES = 32 * 1024;

/** Whether a text is one the API may be asked to send: 1 to 4,096 characters once trimmed. */
export const isSendableMessage = (text: string) => {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= MESSAGE_MAX_LENGTH;
};

/**
 * What the browser may send for each write. Strict: a field not listed is refused, never passed
 * on. `assign` names nobody: the server adds the signed-in agent's own e-mail.
 */
export const writeBodies = {
  'set-status': z.strictObject({ status: z.enum(knownStatuses) }),
  'set-priority': z.strictObject({ priority: z.enum(knownPriorities) }),
  'set-ai-enabled': z.strictObject({ enabled: z.boolean() }),
  assign: z.strictObject({ force: z.optional(z.boolean()) }),
  unassign: z.strictObject({}),
  // Private notes only: the viewer adds nothing a customer could read.
  notes: z.strictObject({
    // Counted as JavaScript counts (zod's maxLength counts code points: an emoji as one).
    note: z
      .string()
      .check(z.refine((note) => note.length <= NOTE_MAX_LENGTH && note.trim().length > 0)),
  }),
  // The text alone, sent to the customer on the conversation's own channel: no attachments, no
  // other agent or channel, never a phone number or an e-mail address of the browser's choosing.
  message: z.strictObject({ message: z.string().check(z.refine(isSendableMessage)) }),
};

export type WriteAction = keyof typeof writeBodies;
export type WriteBody<A extends WriteAction> = z.infer<(typeof writeBodies)[A]>;

/** The writes to one of the conversation's own paths, `conversations/{id}/<action>`. */
type ConversationAction = Exclude<WriteAction, 'message'>;

const isConversationAction = (name: string): name is ConversationAction =>
  name !== 'message' && Object.hasOwn(writeBodies, name);

/** A write's path under `/api/`, the same as the API's own. */
export const writePath = (conversationId: string, action: WriteAction) =>
  action === 'message'
    ? `conversation/message/conversationId/${encodeURIComponent(conversationId)}`
    : `conversations/${encodeURIComponent(conversationId)}/${action}`;

/**
 * The write a path under `/api/` makes and the conversation it names, or null when the path is
 * no write. The other forms of the send (`message/phone/…`, `message/email/…`) are none.
 */
export function writeOfPath(
  apiPath: string,
): { conversationId: string; action: WriteAction } | null {
  const [, sendTo] = /^conversation\/message\/conversationId\/([^/]+)$/.exec(apiPath) ?? [];
  if (sendTo) return { conversationId: decodeURIComponent(sendTo), action: 'message' };
  const [, id, action] = /^conversations\/([^/]+)\/([a-z-]+)$/.exec(apiPath) ?? [];
  return id && action && isConversationAction(action)
    ? { conversationId: decodeURIComponent(id), action }
    : null;
}

/** The most a write's body may weigh, in bytes. */
export const writeBodyMaxBytes = (action: WriteAction) =>
  action === 'message' ? MESSAGE_BODY_MAX_BYTES : WRITE_BODY_MAX_BYTES;
