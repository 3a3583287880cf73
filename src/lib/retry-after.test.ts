import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');

  it.each([
    ['30', 30],
    [' 0 ', 0],
    ['Tue, 10 Mar 2026 12:01:30 GMT', 90],
    ['Tue, 10 Mar 2026 11:59:00 GMT', 0],
    ['soon', undefined],
    ['-5', undefined],
    ['1.5', undefined],
    [null, undefined],
  ])('reads %j as %j seconds', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});
