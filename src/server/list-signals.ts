/**
 * What the lists the agents walk said lately of each conversation, for the shared reads. A list
 * item is the whole conversation (`ConversationDetailed`), `updatedAt` and `unreadMessagesCount`
 * included, which move when a message comes in; so while every agent's live queue is walked
 * anyway, a conversation whose item has not changed since its read needs no new call for it.
 */
import { createHash } from 'node:crypto';

interface Seen {
  /** A digest of the item, whole. */
  signature: string;
  /** When the list call that brought it began: the API's state is at least that recent. */
  seenAt: number;
}

interface ListSignalsOptions {
  /** How long what a list said holds: past this, a conversation it showed is not known. */
  keepMs: number;
  now?: () => number;
}

export function createListSignals({ keepMs, now = Date.now }: ListSignalsOptions) {
  // Insertion order is the order seen: re-inserting on each sighting keeps the oldest first.
  const seen = new Map<string, Seen>();

  function forgetOld() {
    for (const [id, { seenAt }] of seen) {
      if (seenAt >= now() - keepMs) break;
      seen.delete(id);
    }
  }

  return {
    /** Records each conversation of a list's answer (a JSON array), asked at `askedAt`. */
    record(body: Buffer, askedAt: number) {
      let items: unknown;
      try {
        items = JSON.parse(body.toString('utf8'));
      } catch {
        return;
      }
      if (!Array.isArray(items)) return;
      for (const item of items) {
        const id = (item as { id?: unknown } | null)?.id;
        if (typeof id !== 'string') continue;
        // A list asked earlier but answered later does not overwrite what a later one showed.
        if ((seen.get(id)?.seenAt ?? -Infinity) > askedAt) continue;
        const signature = createHash('sha1').update(JSON.stringify(item)).digest('base64');
        seen.delete(id);
        seen.set(id, { signature, seenAt: askedAt });
      }
      forgetOld();
    },

    /** The conversation's signature in the latest list that brought it, if one did lately. */
    signatureOf(id: string): string | undefined {
      forgetOld();
      return seen.get(id)?.signature;
    },
  };
}
