/**
 * The writes the viewer may make to a conversation, and the one body each may carry: the `/api`
 * proxy (src/server/api-proxy.ts) checks every write against these and rebuilds its body from
 * them; the app's actions send nothing else. Each is `POST /api/conversations/{id}/<action>`, as
 * the API's contract spells it (shared/api/README.md, "Writes").
 */
import * as z from 'zod/mini';
import { knownPriorities, knownStatuses } from './conversation-values.ts';

/** The most the API keeps of a note, in characters (UTF-16 code units, as JavaScript counts). */
export const NOTE_MAX_LENGTH = 500;

/** The most a write's JSON body may weigh, in bytes; nginx holds `/api/` to the same. */
export const WRITE_BODY_MAX_BYTES = 1024;

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
};

export type WriteAction = keyof typeof writeBodies;
export type WriteBody<A extends WriteAction> = z.infer<(typeof writeBodies)[A]>;

export const writeActions = Object.keys(writeBodies) as WriteAction[];

export const isWriteAction = (name: string): name is WriteAction =>
  Object.hasOwn(writeBodies, name);

/** A write's path under `/api/`. */
export const writePath = (conversationId: string, action: WriteAction) =>
  `conversations/${encodeURIComponent(conversationId)}/${action}`;
