/**
 * The tolerant reading of `GET /conversation/{id}/messages/{count}`, built on the contract's
 * message shape (lib/api-contract.ts). Items are read one by one, in the contract's shape or in
 * older and plausible alternatives (`role`, `content`, `message`, `attachments`); a field of the
 * wrong type is ignored, and an item we cannot read keeps its place, shown as received. The
 * contract states no order: messages come out sorted by time.
 */
import * as z from 'zod/mini';
import { isRecord } from '@/lib/json';
import { messageShape, messageSourceShape } from '@/lib/api-contract';
import { httpHref } from '@/lib/links';

export type Author = 'contact' | 'human-agent' | 'ai' | 'unknown';

export interface Attachment {
  name: string;
  /** Only an http(s) address; anything else is shown as a name, never linked. */
  href: string | null;
}

/** A piece of knowledge an AI answer came from. */
export interface Source {
  name: string | null;
  /** 0–1: how close the piece was to the question. */
  score: number | null;
  /** The original, when it is an http(s) address. */
  href: string | null;
  /** The original's address or id, as sent. */
  reference: string | null;
}

export interface Message {
  kind: 'message';
  /** Unique within the transcript and stable when earlier messages arrive. */
  key: string;
  author: Author;
  /** The name the message itself carries (older shapes); operators are named from assignees. */
  authorName: string | null;
  /** The operator who wrote it, to name from the conversation's assignees. */
  userId: string | null;
  /** A customer's message nobody has read yet. */
  unread: boolean;
  sources: Source[];
  /** The rating an AI answer was given. */
  evaluation: 'good' | 'bad' | null;
  createdAt: string | null;
  text: string | null;
  attachments: Attachment[];
  /** The item as received, when it has neither text nor attachments: shown so nothing is lost. */
  received?: unknown;
  /** A message of this agent's on its way to the customer: the API has not answered yet. */
  sending?: true;
}

export interface UnreadableEntry {
  kind: 'unreadable';
  key: string;
  received: unknown;
}

export type TranscriptEntry = Message | UnreadableEntry;

export interface Transcript {
  /** Oldest first, by time. */
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

const sourceSchema = z.object({
  datasource_name: optional(messageSourceShape.datasource_name),
  score: optional(messageSourceShape.score),
  source: optional(messageSourceShape.source),
});

const messageSchema = z.object({
  id,
  _id: id,
  // The contract's `human` / `agent`, read as any word: older shapes say `user`, `assistant`…
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
  contactId: id,
  visitorId: id,
  agentId: id,
  read: optional(messageShape.read),
  eval: optional(messageShape.eval),
  sources: optional(z.array(z.unknown())),
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

const contactWords = new Set(['user', 'contact', 'customer', 'visitor', 'client']);
const aiWords = new Set(['assistant', 'ai', 'bot']);
const humanAgentWords = new Set(['operator', 'human-agent', 'human_agent', 'staff']);

const hasId = (value: string | number | undefined) => value !== undefined && value !== '';

/**
 * The contract's rule: `agent` is the AI; `human` is a person on either side, an operator of the
 * organization when it carries a `userId`, else the customer. Older shapes said `agent` with a
 * `userId` for an operator, and other words for the same roles.
 */
function authorOf(item: WireMessage): Author {
  const word = (item.from ?? item.role ?? item.sender)?.trim().toLowerCase();
  if (!word) return 'unknown';
  if (word === 'human' || word === 'agent')
    return hasId(item.userId) ? 'human-agent' : word === 'human' ? 'contact' : 'ai';
  if (contactWords.has(word)) return 'contact';
  if (aiWords.has(word)) return 'ai';
  if (humanAgentWords.has(word)) return 'human-agent';
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

function toSource(raw: unknown): Source | null {
  const result = z.safeParse(sourceSchema, raw);
  if (!result.success) return null;
  const { datasource_name: name, score, source } = result.data;
  if (!name && !source) return null;
  return {
    name: name || null,
    score: score ?? null,
    href: source ? httpHref(source) : null,
    reference: source || null,
  };
}

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
    userId: hasId(item.userId) ? String(item.userId) : null,
    // Only what the customer wrote waits to be read by the team.
    unread: author === 'contact' && item.read === false,
    sources: (item.sources ?? []).flatMap((entry) => toSource(entry) ?? []),
    evaluation: item.eval ?? null,
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
  const entries = inTimeOrder(
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

const timeOf = (entry: TranscriptEntry) =>
  entry.kind === 'message' && entry.createdAt ? Date.parse(entry.createdAt) : null;

/**
 * Oldest first, whatever order the API sent. An entry without a time stays right after the one
 * it came after (before it, when the API listed newest first), so it keeps its context.
 */
function inTimeOrder(entries: TranscriptEntry[]): TranscriptEntry[] {
  const dates = entries.flatMap((entry) => timeOf(entry) ?? []);
  const newestFirst = dates.length > 1 && dates[0]! > dates[dates.length - 1]!;
  const oriented = newestFirst ? entries.toReversed() : entries;
  let previous = -Infinity;
  return oriented
    .map((entry, place) => {
      previous = timeOf(entry) ?? previous;
      return { entry, time: previous, place };
    })
    .sort((a, b) => a.time - b.time || a.place - b.place)
    .map(({ entry }) => entry);
}
