import { QueryClient } from '@tanstack/react-query';
import { isTransient } from './api-client';

const MAX_RETRIES = 3;

/** How often what an agent has open is checked for news, while its tab is visible. */
export const REFRESH_INTERVAL_MS = 30_000;

interface AnswerTimes {
  fetchStatus: string;
  dataUpdatedAt: number;
  errorUpdatedAt: number;
}

/**
 * Until the first multiple of `periodMs` on the clock after the last answer. Counted from the
 * answer, not from now: the query asks this again on each render, and one just past a multiple
 * (another query's refresh, due at the same moment, redrew the page first) must not skip it.
 */
export function untilAligned(state: AnswerTimes, periodMs: number) {
  // No data yet: the first load is on its way, or failed and its page offers Retry, which asking
  // on the clock would turn back into a skeleton.
  if (!state.dataUpdatedAt) return false;
  const now = Date.now();
  const last =
    (state.fetchStatus == 'idle' && Math.max(state.dataUpdatedAt, state.errorUpdatedAt)) || now;
  return Math.max(1, periodMs - (last % periodMs) + last - now);
}

/**
 * A refresh every `periodMs` at the same moments on every agent's clock (its multiples): the
 * viewer's server shares identical reads for a few seconds, so agents who look at the same thing
 * cost the API one call, not one each. Only while the tab is visible, and on focus (the defaults).
 */
export const alignedRefresh = (periodMs: number) => ({
  refetchInterval: (query: { state: AnswerTimes }) => untilAligned(query.state, periodMs),
});

/** For the open conversation: every 30 s. */
export const liveRefresh = alignedRefresh(REFRESH_INTERVAL_MS);

/** The app's retry policy lives here, so tests switch it off in one place. */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failureCount, error) => isTransient(error) && failureCount < MAX_RETRIES,
        // 0.5 s, 1 s, 2 s: an agent waits about 4 s before seeing that the API is down.
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
        refetchOnWindowFocus: true,
      },
      // An agent's change is tried at once, offline too: it fails, is set back and says why,
      // rather than wait unseen for a network that may not come back before the tab closes.
      mutations: { networkMode: 'always' },
    },
  });
}
