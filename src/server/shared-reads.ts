/**
 * The API reads a copy of the viewer's server shares between its agents. Every agent reads with
 * the same key, so the same request gets the same answer: identical reads in flight make one call
 * (single-flight), and a successful answer serves the same read again for a few seconds. Bounded
 * by a byte cap, the least recently used dropped first; errors are never kept. A write drops what
 * it may have changed, and a read begun before that is not kept either. A fresh read (the agent's
 * own write may have gone through another copy) is asked of the API, and then kept for others.
 */

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
}

/** What a kept answer costs beside its body: its key, headers and bookkeeping, roughly. */
const OVERHEAD_BYTES = 256;

export interface SharedReadsOptions {
  /** How long a successful answer serves the same read. */
  ttlMs: number;
  /** The most the kept answers may weigh, in bytes. */
  maxBytes: number;
  now?: () => number;
}

export function createSharedReads({ ttlMs, maxBytes, now = Date.now }: SharedReadsOptions) {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const kept = new Map<string, Kept>();
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

  function keep(key: string, answer: ApiAnswer) {
    const bytes = answer.body.length + key.length + OVERHEAD_BYTES;
    if (bytes > maxBytes) return;
    drop(key);
    kept.set(key, { answer, expiresAt: now() + ttlMs, bytes });
    keptBytes += bytes;
    for (const [oldest] of kept) {
      if (keptBytes <= maxBytes) break;
      drop(oldest);
    }
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
      if (!fresh && entry && entry.expiresAt > now()) {
        kept.delete(key);
        kept.set(key, entry);
        return { answer: entry.answer, source: 'cache' };
      }
      drop(key);
      const pending = inFlight.get(key);
      if (pending && !fresh) return { answer: await pending, source: 'shared' };

      const writesBefore = writes;
      const asked = ask();
      inFlight.set(key, asked);
      try {
        const answer = await asked;
        if (answer.status === 200 && writes === writesBefore) keep(key, answer);
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
