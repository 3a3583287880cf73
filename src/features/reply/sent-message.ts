/**
 * Whether a send whose answer was lost reached the conversation: the API has no idempotency key,
 * so the transcript is the only proof, and a message is sent again only when it is not there.
 */
import type { TranscriptEntry } from '@/lib/transcript/transcript-schema';
import type { PendingSend } from './drafts';

/** How far the API's clock may be behind the browser's when it dates the message. */
export const CLOCK_SKEW_MS = 2 * 60 * 1000;

/** The transcript's messages by the organization's people with this text (trimmed). */
export const sameTextKeys = (entries: readonly TranscriptEntry[], text: string) =>
  entries.flatMap((entry) =>
    entry.kind === 'message' && entry.author === 'human-agent' && entry.text?.trim() === text.trim()
      ? [entry.key]
      : [],
  );

/**
 * Whether `entries` hold the message of this send: by the organization's people, with its text,
 * not there before it began, and dated no earlier than its start (give or take the clocks).
 */
export function isDelivered(
  entries: readonly TranscriptEntry[],
  text: string,
  { startedAt, alreadyThere }: PendingSend,
): boolean {
  const before = new Set(alreadyThere);
  return entries.some((entry) => {
    if (entry.kind !== 'message' || before.has(entry.key)) return false;
    if (!sameTextKeys([entry], text).length) return false;
    const at = entry.createdAt ? Date.parse(entry.createdAt) : NaN;
    return Number.isNaN(at) || at >= startedAt - CLOCK_SKEW_MS;
  });
}
