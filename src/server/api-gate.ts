/**
 * The door every call of a copy of the viewer's server goes through to the API. The API's limits
 * belong to the key, which every agent shares: when it answers 429 or 503 with Retry-After, the
 * copy holds back all its calls until then (one back-off for the copy, not one per agent), and it
 * never has more than a few calls in flight, so a burst of agents cannot stampede it.
 */
import { parseRetryAfter } from '../lib/retry-after.ts';

/** The longest wait a Retry-After is taken for: a larger one is read as this. */
const MAX_HOLD_MS = 10 * 60 * 1000;

/** A call not made: the API asked to wait until `until` (ms since the epoch). */
export class HeldBack extends Error {
  constructor(readonly until: number) {
    super('The API asked the viewer to wait');
  }
}

export interface ApiGateOptions {
  /** Calls in flight at once; the rest wait their turn, first come first served. */
  maxConcurrent: number;
  now?: () => number;
}

export function createApiGate({ maxConcurrent, now = Date.now }: ApiGateOptions) {
  let heldUntil = 0;
  let inFlight = 0;
  const waiting: (() => void)[] = [];

  /** Waits for a free place, or until `signal` gives up. */
  function enter(signal: AbortSignal): Promise<void> {
    if (inFlight < maxConcurrent) {
      inFlight += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const turn = () => {
        signal.removeEventListener('abort', giveUp);
        inFlight += 1;
        resolve();
      };
      const giveUp = () => {
        waiting.splice(waiting.indexOf(turn), 1);
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      waiting.push(turn);
      signal.addEventListener('abort', giveUp, { once: true });
    });
  }

  function leave() {
    inFlight -= 1;
    waiting.shift()?.();
  }

  return {
    /** Makes the call when the API allows it; HeldBack while it has asked to wait. */
    async call(ask: () => Promise<Response>, signal: AbortSignal): Promise<Response> {
      if (now() < heldUntil) throw new HeldBack(heldUntil);
      await enter(signal);
      try {
        // The wait may have outlasted a back-off begun meanwhile.
        if (now() < heldUntil) throw new HeldBack(heldUntil);
        const answer = await ask();
        if (answer.status === 429 || answer.status === 503) {
          const seconds = parseRetryAfter(answer.headers.get('retry-after'), now());
          if (seconds !== undefined) {
            heldUntil = Math.max(heldUntil, now() + Math.min(seconds * 1000, MAX_HOLD_MS));
          }
        }
        return answer;
      } finally {
        leave();
      }
    },

    /** When the API will be asked again, while it has asked to wait; else null. */
    heldUntil: () => (now() < heldUntil ? heldUntil : null),

    /** Calls in flight and waiting, for the bench and the tests. */
    load: () => ({ inFlight, waiting: waiting.length }),
  };
}

export type ApiGate = ReturnType<typeof createApiGate>;
