/**
 * The API reads a copy of the viewer's server shares between its agents. Every agent reads with
 * the same key, so the same request gets the same answer: identical reads in flight make one call
 * (single-flight), and a successful answer serves the same read again for a few seconds. Bounded
 * by a byte cap, the least recently used dropped first; errors are never kept. A write drops what
 * it may have changed, and a read begun before that is not kept either. A fresh read (the agent's
 * own write may have gone through another copy) is asked of the API, and then kept for others.
 *
 * Some reads live longer, because every agent's live queue walks the lists anyway: a list is kept
 * until just before the queue's next refresh, so the agents who refresh on time share one call;
 * and a conversation's read serves past its time while the latest list shows its item unchanged
 * since (a list item is the whole conversation), its messages' for a bounded while.
 */
import { createListSignals } from './list-signals.ts';

/** An answer of the API as the proxy passes it back. */
export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Where an answer came from: the API itself, a call another agent's read made, or the cache. */
export type AnswerSource = 'api' | 'shared' | 'cache';

interface Kept {
  answer: ApiAnswer;
  expiresAt: number;
  bytes: number;
  /** A conversation's read: how its list item looked when it was asked, and until when that may hold. */
  listed?: { id: string; signature: string; until: number };
}

/** What a kept answer costs beside its body: its key, headers and bookkeeping, roughly. */
const OVERHEAD_BYTES = 256;

export interface SharedReadsOptions {
  /** How long a successful answer serves the same read. */
  ttlMs: number;
  /** The most the kept answers may weigh, in bytes. */
  maxBytes: number;
  /**
   * A list is kept until just before the next multiple of this on the clock, and a conversation's
   * read serves while a list asked within one and a half of this shows it unchanged (the latest
   * refresh's, or while that is under way the one before); 0: neither, all for `ttlMs`.
   */
  listPeriodMs?: number;
  /**
   * How long a conversation's messages may serve while the lists show it unchanged: a message is
   * taken to move its conversation, and this bounds what that costs when one does not.
   */
  messagesUnchangedForMs?: number;
  now?: () => number;
}

/** Reads of the list (`conversation`, any query). */
const isList = (key: string) => key === 'conversation' || key.startsWith('conversation?');

/** The conversation a read of it or of its messages names, as the lists' items name it. */
function conversationRead(key: string): { id: string; messages: boolean } | undefined {
  const [, segment, messages] = /^conversation\/([^/?]+)(\/messages\/\d+)?$/.exec(key) ?? [];
  return segment === undefined
    ? undefined
    : { id: decodeURIComponent(segment), messages: messages !== undefined };
}

/**
 * Just before the next multiple of `periodMs` on the clock more than a second away: the first
 * agent whose clock runs a little ahead asks anew, and those on time or a little late share it.
 */
function beforeNextRefresh(time: number, periodMs: number) {
  const margin = Math.min(1000, periodMs / 10);
  return (Math.floor((time + margin) / periodMs) + 1) * periodMs - margin;
}

export function createSharedReads({
  ttlMs,
  maxBytes,
  listPeriodMs = 0,
  messagesUnchangedForMs = 0,
  now = Date.now,
}: SharedReadsOptions) {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const kept = new Map<string, Kept>();
  // The latest refresh's lists, or while those are under way, the refresh's before.
  const signals = listPeriodMs > 0 ? createListSignals({ keepMs: listPeriodMs * 1.5, now }) : null;
  const inFlight = new Map<string, Promise<ApiAnswer>>();
  let keptBytes = 0;
  /** Moves on with every write: a read begun before one may hold what the write changed. */
  let writes = 0;

  function drop(key: string) {
    const entry = kept.get(key);
    if (!entry) return;
    kept.delete(key);
    keptBytes -= entry.bytes;
  }

  function keep(key: string, answer: ApiAnswer, listed: Kept['listed']) {
    const bytes = answer.body.length + key.length + OVERHEAD_BYTES;
    if (bytes > maxBytes) return;
    drop(key);
    const expiresAt =
      listPeriodMs > 0 && isList(key) ? beforeNextRefresh(now(), listPeriodMs) : now() + ttlMs;
    kept.set(key, { answer, expiresAt, bytes, ...(listed ? { listed } : {}) });
    keptBytes += bytes;
    for (const [oldest] of kept) {
      if (keptBytes <= maxBytes) break;
      drop(oldest);
    }
  }

  /** Whether a conversation's read past its time still holds: the latest list shows nothing new. */
  function stillUnchanged({ listed }: Kept) {
    return (
      signals !== null &&
      listed !== undefined &&
      now() <= listed.until &&
      signals.signatureOf(listed.id) === listed.signature
    );
  }

  /** How a conversation's read stands on the lists as it is asked, if it is one they show. */
  function listedAs(key: string): Kept['listed'] {
    const read = signals && conversationRead(key);
    const signature = read && signals.signatureOf(read.id);
    if (!read || !signature) return undefined;
    return {
      id: read.id,
      signature,
      until: read.messages ? now() + messagesUnchangedForMs : Infinity,
    };
  }

  return {
    /**
     * The answer to the read `key` (its API path and query): kept, shared with the same read in
     * flight, or asked of the API with `ask`.
     */
    async read(
      key: string,
      ask: () => Promise<ApiAnswer>,
      { fresh = false }: { fresh?: boolean } = {},
    ): Promise<{ answer: ApiAnswer; source: AnswerSource }> {
      const entry = kept.get(key);
      if (!fresh && entry && (entry.expiresAt > now() || stillUnchanged(entry))) {
        kept.delete(key);
        kept.set(key, entry);
        return { answer: entry.answer, source: 'cache' };
      }
      drop(key);
      const pending = inFlight.get(key);
      if (pending && !fresh) return { answer: await pending, source: 'shared' };

      const writesBefore = writes;
      const askedAt = now();
      const listed = listedAs(key);
      const asked = ask();
      inFlight.set(key, asked);
      try {
        const answer = await asked;
        if (answer.status === 200 && isList(key)) signals?.record(answer.body, askedAt);
        if (answer.status === 200 && writes === writesBefore) {
          keep(key, answer, listed);
        }
        return { answer, source: 'api' };
      } finally {
        if (inFlight.get(key) === asked) inFlight.delete(key);
      }
    },

    /** Forgets the reads `changed` names, kept or in flight: a write may have changed them. */
    forget(changed: (key: string) => boolean) {
      writes += 1;
      for (const key of [...kept.keys()]) if (changed(key)) drop(key);
      for (const key of [...inFlight.keys()]) if (changed(key)) inFlight.delete(key);
    },

    /** What is kept, for the bench and the tests: how many answers, and their weight. */
    size: () => ({ answers: kept.size, bytes: keptBytes }),
  };
}

export type SharedReads = ReturnType<typeof createSharedReads>;

/**
 * Whether the read `key` may show what a write to conversation `id` changed: the conversation,
 * its messages, notes and CRM history, and every list.
 */
export function readsOfConversation(conversationId: string) {
  const id = encodeURIComponent(conversationId);
  return (key: string) => {
    const path = key.split('?')[0]!;
    return (
      path === 'conversation' ||
      path === `conversation/${id}` ||
      path.startsWith(`conversation/${id}/`) ||
      path.startsWith(`conversations/${id}/`) ||
      (path === 'crm/conversationLog' &&
        new URLSearchParams(key.slice(path.length + 1)).get('conversationId') === conversationId)
    );
  };
}
