/**
 * The 24-hour reply window of WhatsApp and Instagram (config/reply-window.ts), from the
 * customer's last message: the agent's or the AI's later messages do not open it again.
 */
import { REPLY_WINDOW_HOURS, replyWindowChannels } from '@/config/reply-window';
import type { TranscriptEntry } from '@/lib/transcript/transcript-schema';

const WINDOW_MS = REPLY_WINDOW_HOURS * 60 * 60 * 1000;

export type ReplyWindow =
  /** The channel has no window: an answer is taken at any time. */
  | { kind: 'none' }
  | { kind: 'open'; closesAt: number }
  | { kind: 'closed'; closedAt: number }
  /** The customer's last message is not among those loaded: older than they are, if any. */
  | { kind: 'unknown' };

/** The window of a conversation on `channel` whose loaded messages are `entries`, at `now`. */
export function replyWindow(
  channel: string | null,
  entries: readonly TranscriptEntry[],
  now: number,
): ReplyWindow {
  if (!channel || !replyWindowChannels.includes(channel)) return { kind: 'none' };
  let lastFromCustomer = -Infinity;
  for (const entry of entries) {
    if (entry.kind !== 'message' || entry.author !== 'contact' || !entry.createdAt) continue;
    const at = Date.parse(entry.createdAt);
    if (at > lastFromCustomer) lastFromCustomer = at;
  }
  if (lastFromCustomer === -Infinity) return { kind: 'unknown' };
  const closesAt = lastFromCustomer + WINDOW_MS;
  return closesAt > now ? { kind: 'open', closesAt } : { kind: 'closed', closedAt: closesAt };
}

/** The time left, rounded down, as whole hours from two hours on, else whole minutes. */
export function timeLeft(ms: number): { unit: 'hour' | 'minute'; value: number } {
  const minutes = Math.floor(ms / 60_000);
  return minutes >= 120
    ? { unit: 'hour', value: Math.floor(minutes / 60) }
    : { unit: 'minute', value: minutes };
}
