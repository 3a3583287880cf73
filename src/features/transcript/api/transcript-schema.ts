/**
 * The tolerant reading of `GET /conversation/{id}/messages/{count}`, whose items are undocumented.
 * Items are read one by one in the shape Chatvolt inherits from Chaindesk (`{ id, text, from,
 * createdAt, userId?, agentId?, … }`) or plausible alternatives (`role`, `content`, `message`); a
 * field of the wrong type is ignored, and an item we cannot read keeps its place, shown as received.
 */
import * as z from 'zod/mini';
import { httpHref } from '@/lib/links';

export type Author = 'contact' | 'human-agent' | 'ai' | 'unknown';

export interface Attachment {
  name: string;
  /** Only an http(s) address; anything else is shown as a name, never linked. */
  href: string | null;
}

export interface Message {
  kind: 'message';
  /** Unique within the transcript and stable when earlier messages arrive. */
  key: string;
  author: Author;
  authorName: string | null;
  createdAt: string | null;
  text: string | null;
  attachments: Attachment[];
  /** The item as received, when it has neither text nor attachments: shown so nothing is lost. */
  received?: unknown;
}

export interface UnreadableEntry {
  kind: 'unreadable';
  key: string;
  received: unknown;
}

export type TranscriptEntry = Message | UnreadableEntry;

export interface Transcript {
  /** Oldest first. */
  entries: TranscriptEntry[];
  /** How many items the API sent: fewer than asked means there are no earlier ones. */
  received: number;
}

// A field of the wrong type reads as missing instead of failing its message.
const optional = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);
const text = optional(z.string());
const id = optional(z.union([z.string(), z.number()]));
const person = optional(
  z.object({ name: text, firstName: text, lastName: text, email: text, username: text }),
);

const messageSchema = z.object({
  id,
  _id: id,
  from: text,
  role: text,
  sender: text,
  text,
  content: text,
  message: text,
  body: text,
  createdAt: text,
  timestamp: text,
  date: text,
  userId: id,
  agentId: id,
  user: person,
  agent: person,
  contact: person,
  attachments: optional(z.array(z.unknown())),
});

type WireMessage = z.infer<typeof messageSchema>;

const attachmentSchema = z.object({
  name: text,
  filename: text,
  url: text,
  href: text,
});

const contactWords = new Set(['human', 'user', 'contact', 'customer', 'visitor', 'client']);
const aiWords = new Set(['assistant', 'ai', 'bot']);
const humanAgentWords = new Set(['operator', 'human-agent', 'human_agent', 'staff']);

/** Chaindesk's rule: `human` is the contact; `agent` is a person when it carries a userId, else the AI. */
function authorOf(item: WireMessage): Author {
  const word = (item.from ?? item.role ?? item.sender)?.trim().toLowerCase();
  if (!word) return 'unknown';
  if (contactWords.has(word)) return 'contact';
  if (aiWords.has(word)) return 'ai';
  if (humanAgentWords.has(word)) return 'human-agent';
  if (word === 'agent')
    return item.userId !== undefined && item.userId !== '' ? 'human-agent' : 'ai';
  return 'unknown';
}

function nameOf(who: z.infer<typeof person>): string | null {
  if (!who) return null;
  const fullName = [who.firstName, who.lastName].filter(Boolean).join(' ');
  return who.name?.trim() || fullName || who.username || who.email || null;
}

const authorNames: Record<Author, (item: WireMessage) => string | null> = {
  contact: (item) => nameOf(item.contact),
  'human-agent': (item) => nameOf(item.user),
  ai: (item) => nameOf(item.agent),
  unknown: () => null,
};

function toAttachment(raw: unknown): Attachment | null {
  const result = z.safeParse(attachmentSchema, raw);
  if (!result.success) return null;
  const { name, filename, url, href } = result.data;
  const address = url ?? href ?? null;
  const shownName = name || filename || address;
  return shownName ? { name: shownName, href: address ? httpHref(address) : null } : null;
}

const isDate = (value: string | undefined): value is string =>
  value !== undefined && !Number.isNaN(Date.parse(value));

function toMessage(item: WireMessage, raw: unknown, key: string): Message {
  const author = authorOf(item);
  const content = [item.text, item.content, item.message, item.body].find(
    (candidate) => candidate !== undefined,
  );
  const attachments = (item.attachments ?? []).flatMap((entry) => toAttachment(entry) ?? []);
  const message: Message = {
    kind: 'message',
    key,
    author,
    authorName: authorNames[author](item),
    createdAt: [item.createdAt, item.timestamp, item.date].find(isDate) ?? null,
    text: content ?? null,
    attachments,
  };
  if (content === undefined && attachments.length === 0) message.received = raw;
  return message;
}

/** Thrown when the body is neither a transcript object nor a list of messages. */
export class NotATranscriptError extends Error {
  constructor() {
    super('Expected a transcript object');
    this.name = 'NotATranscriptError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The list of raw items: `{ messages: [...] }`, or a bare list; a non-list is one unreadable item. */
function rawItems(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (!isRecord(json)) throw new NotATranscriptError();
  const list = json.messages;
  if (list === undefined || list === null) return [];
  return Array.isArray(list) ? list : [list];
}

export function parseTranscript(json: unknown): Transcript {
  const items = rawItems(json);
  const entries = newestLast(
    items.map((raw): TranscriptEntry => {
      const result = z.safeParse(messageSchema, raw);
      if (!result.success) return { kind: 'unreadable', key: '', received: raw };
      const wireId = result.data.id ?? result.data._id;
      return toMessage(result.data, raw, wireId === undefined ? '' : String(wireId));
    }),
  );
  // Keys: the id when it is there and unique, else the place from the newest end; both counted
  // from the newest end, so they stay the same when earlier messages are loaded above.
  const seenIds = new Set<string>();
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    const entry = entries[index]!;
    const wireId = entry.key;
    entry.key = wireId && !seenIds.has(wireId) ? `id:${wireId}` : `at:${entries.length - index}`;
    seenIds.add(wireId);
  }
  return { entries, received: items.length };
}

/** The API may list newest first: judged by the first and last dated messages, never re-sorted. */
function newestLast(entries: TranscriptEntry[]): TranscriptEntry[] {
  const dates = entries.flatMap((entry) =>
    entry.kind === 'message' && entry.createdAt ? [Date.parse(entry.createdAt)] : [],
  );
  const newestFirst = dates.length > 1 && dates[0]! > dates[dates.length - 1]!;
  return newestFirst ? entries.toReversed() : entries;
}
