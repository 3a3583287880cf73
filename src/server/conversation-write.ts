/**
 * A write to a conversation as the `/api` proxy takes it: its body read (JSON, at most 1 KB; a
 * message to the customer, 32 KB),
 * checked against its schema (config/conversation-writes.ts) and rebuilt from the known fields
 * only, and what it changes, for the audit log.
 */
import type { IncomingMessage } from 'node:http';
import { writeBodies, writeBodyMaxBytes, type WriteAction } from '../config/conversation-writes.ts';
import type { AuditChange } from './audit-log.ts';

/** A body checked and refused: wrong for its write (400), or naming nobody to assign (403). */
export type WriteRefusal = { status: 400 | 403; error: string };

/** A body the proxy will not pass on, and the status that says why. */
export class BodyRefused extends Error {
  constructor(
    readonly status: 400 | 413,
    maxBytes = 0,
  ) {
    super(
      status === 413
        ? `A write may not exceed ${maxBytes / 1024} KB`
        : 'A write must be a JSON object, sent as application/json',
    );
  }
}

/** The body as sent; refused (BodyRefused) when not JSON, or heavier than `action` may send. */
export function readJsonBody(request: IncomingMessage, action: WriteAction): Promise<unknown> {
  const maxBytes = writeBodyMaxBytes(action);
  return new Promise((resolve, reject) => {
    const refuse = (refusal: BodyRefused) => {
      // The rest is read and dropped: answering mid-upload would cut the connection instead.
      request.resume();
      reject(refusal);
    };
    const type = String(request.headers['content-type'] ?? '');
    if (!/^application\/json\s*(?:;|$)/i.test(type)) {
      return refuse(new BodyRefused(400));
    }
    if (Number(request.headers['content-length']) > maxBytes) {
      return refuse(new BodyRefused(413, maxBytes));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      request.off('data', onData);
      refuse(new BodyRefused(413, maxBytes));
    };
    request.on('data', onData);
    request.on('error', () => reject(new BodyRefused(400)));
    request.on('end', () => {
      if (size > maxBytes) return;
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new BodyRefused(400));
      }
    });
  });
}

/**
 * The body to send the API, rebuilt from the checked fields alone, or a refusal. `user` is the
 * signed-in agent: the only person "assign" may name.
 */
export function apiBody(
  action: WriteAction,
  sent: unknown,
  user: string | null,
): { body: Record<string, unknown> | null } | WriteRefusal {
  const checked = writeBodies[action].safeParse(sent);
  if (!checked.success) return { status: 400, error: `Invalid body for ${action}` };
  // The parsed copy holds the schema's fields and nothing else.
  const body: Record<string, unknown> = { ...checked.data };
  if (action === 'unassign') return { body: null };
  if (action === 'notes') return { body: { ...body, isPrivate: true } };
  // The customer gets the text without the blank lines and spaces around it.
  if (action === 'message') return { body: { message: String(body.message).trim() } };
  if (action === 'assign') {
    if (!user) {
      return { status: 403, error: 'Assigning needs sign-in: with sign-in off, nobody is named' };
    }
    return { body: { email: user, ...body } };
  }
  return { body };
}

/** The assignees' e-mails (or names, or ids) of a conversation as the API sent it. */
function assigneesOf(conversation: Record<string, unknown>): string[] | undefined {
  if (!Array.isArray(conversation.assignees)) return undefined;
  return conversation.assignees.flatMap((assignee: unknown) => {
    const user = (assignee as { user?: Record<string, unknown> } | null)?.user;
    const named = user?.email ?? user?.name ?? user?.id;
    return typeof named === 'string' ? [named] : [];
  });
}

/** The value before of the field a write changes, read from the conversation; undefined when unknown. */
function before(action: WriteAction, conversation: unknown): AuditChange['from'] {
  if (typeof conversation !== 'object' || conversation === null) return undefined;
  const wire = conversation as Record<string, unknown>;
  const ofType = <T>(value: unknown, type: 'string' | 'boolean') =>
    typeof value === type ? (value as T) : undefined;
  switch (action) {
    case 'set-status':
      return ofType<string>(wire.status, 'string');
    case 'set-priority':
      return ofType<string>(wire.priority, 'string');
    case 'set-ai-enabled':
      return ofType<boolean>(wire.isAiEnabled, 'boolean');
    case 'assign':
    case 'unassign':
      return assigneesOf(wire);
    case 'notes':
    case 'message':
      return undefined;
  }
}

/** Whether a write's audit line should say what it changed from: every write but a note or a message. */
export const changesAField = (action: WriteAction) => action !== 'notes' && action !== 'message';

/** What a write changes, for the audit log: the field, its value before when known, and after. */
export function describeChange(
  action: WriteAction,
  body: Record<string, unknown> | null,
  conversationBefore: unknown,
): AuditChange {
  const from = before(action, conversationBefore);
  const withFrom = from === undefined ? {} : { from };
  switch (action) {
    case 'set-status':
      return { field: 'status', ...withFrom, to: body!.status as string };
    case 'set-priority':
      return { field: 'priority', ...withFrom, to: body!.priority as string };
    case 'set-ai-enabled':
      return { field: 'aiEnabled', ...withFrom, to: body!.enabled as boolean };
    case 'assign':
      return {
        field: 'assignee',
        ...withFrom,
        to: body!.email as string,
        ...(body!.force ? { force: true } : {}),
      };
    case 'unassign':
      return { field: 'assignee', ...withFrom, to: null };
    case 'notes':
      // Never the note itself: the log holds who did what, not what customers said or agents wrote.
      return { field: 'note', to: 'new private note' };
    case 'message':
      // Its length, never its text.
      return {
        field: 'message',
        to: 'message to the customer',
        length: (body!.message as string).length,
      };
  }
}
