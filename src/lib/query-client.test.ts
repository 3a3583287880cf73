import { afterEach, describe, expect, it, vi } from 'vitest';
import { untilAligned } from './query-client';

const answered = (at: string, fetchStatus = 'idle') => ({
  fetchStatus,
  dataUpdatedAt: Date.parse(at),
  errorUpdatedAt: 0,
});

describe('an aligned refresh', () => {
  afterEach(() => vi.useRealTimers());
  const at = (time: string) => vi.useFakeTimers({ now: Date.parse(time) });

  it('comes at the first multiple of its period after the last answer', () => {
    at('2026-12-05T10:00:53.045Z');
    expect(untilAligned(answered('2026-12-05T10:00:53.045Z'), 5_000)).toBe(1_955);
  });

  it('is not skipped when the page redraws just past the multiple it was due at', () => {
    at('2026-12-05T10:01:00.012Z');
    expect(untilAligned(answered('2026-12-05T10:00:55.011Z'), 5_000)).toBe(1);
  });

  it('does not come before the first answer, nor to a page whose first load failed', () => {
    at('2026-12-05T10:01:00.012Z');
    const firstLoad = { fetchStatus: 'fetching', dataUpdatedAt: 0, errorUpdatedAt: 0 };
    expect(untilAligned(firstLoad, 30_000)).toBe(false);
    expect(
      untilAligned({ ...firstLoad, fetchStatus: 'idle', errorUpdatedAt: Date.now() }, 30_000),
    ).toBe(false);
  });

  it('counts from now while a call is on its way, and from a failed refresh as from an answer', () => {
    at('2026-12-05T10:01:00.012Z');
    expect(untilAligned(answered('2026-12-05T10:00:55.011Z', 'fetching'), 5_000)).toBe(4_988);
    const failed = { ...answered('2026-12-05T10:00:30.000Z'), errorUpdatedAt: Date.now() };
    expect(untilAligned(failed, 30_000)).toBe(29_988);
  });
});
