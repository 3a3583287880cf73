import { describe, expect, it } from 'vitest';
import { formatPhone, formatRelative, initials, parseDate } from './format';

describe('formatPhone', () => {
  it.each([
    ['+5511999999999', '+55 11 99999-9999', '+5511999999999'],
    ['5511999999999', '+55 11 99999-9999', '+5511999999999'],
    ['+55 31 99123-4567', '+55 31 99123-4567', '+5531991234567'],
    ['+55 11 3333-4444', '+55 11 3333-4444', '+551133334444'],
    ['551133334444', '+55 11 3333-4444', '+551133334444'],
    ['+1 (415) 555-2671', '+1 415 555 2671', '+14155552671'],
    ['14155552671', '+1 415 555 2671', '+14155552671'],
    ['442079460958', '+442079460958', '+442079460958'],
  ])('groups %s as %s and dials %s', (raw, display, href) => {
    expect(formatPhone(raw)).toEqual({ display, href });
  });

  it('keeps a national number as typed, since its country is unknown', () => {
    expect(formatPhone(' (11) 99999-9999 ')).toEqual({
      display: '(11) 99999-9999',
      href: '11999999999',
    });
  });

  it.each([
    ['+44 20 7946 0958', '+44 20 7946 0958', '+442079460958'],
    ['+351  912 345 678', '+351 912 345 678', '+351912345678'],
    ['+442079460958', '+442079460958', '+442079460958'],
    ['+55 11 99999-99999', '+55 11 99999-99999', '+55119999999999'],
  ])('keeps the typed grouping of %j, where the country code ends', (raw, display, href) => {
    expect(formatPhone(raw)).toEqual({ display, href });
  });

  it.each(['', 'not a phone', '12345', '+55 11 9999 9999 9999 99'])('gives up on %j', (raw) => {
    expect(formatPhone(raw)).toBeNull();
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  const at = (offsetMs: number) => new Date(now + offsetMs);
  const hour = 3_600_000;
  const day = 24 * hour;

  it.each([
    [0, 'now'],
    [10_000, 'in 10 seconds'],
    [-59_600, '1 minute ago'],
    [23.6 * hour, 'tomorrow'],
    [-5 * 60_000, '5 minutes ago'],
    [2 * hour, 'in 2 hours'],
    [-day, 'yesterday'],
    [-3 * day, '3 days ago'],
    [-14 * day, '2 weeks ago'],
    [-45 * day, 'last month'],
    [-400 * day, 'last year'],
    [3 * 365 * day, 'in 3 years'],
  ])('describes %i ms from now as "%s"', (offset, expected) => {
    expect(formatRelative(at(offset), now)).toBe(expected);
  });
});

describe('parseDate', () => {
  it('reads an ISO date-time', () => {
    expect(parseDate('2026-02-20T14:12:00.000Z')?.toISOString()).toBe('2026-02-20T14:12:00.000Z');
  });

  it.each([null, undefined, '', 'not a date', '2026-13-45'])('returns null for %j', (value) => {
    expect(parseDate(value)).toBeNull();
  });
});

describe('initials', () => {
  it.each([
    ['John', 'J'],
    ['Ana Beatriz Costa', 'AC'],
    ['  marina   souza ', 'MS'],
    ['@bia.runs', 'BR'],
    ['élodie durand', 'ÉD'],
    ['😀 smile', '😀S'],
    ['agent1@example.com', 'A'],
    ['ana.costa@example.com', 'AC'],
    ['', '?'],
    ['   ', '?'],
  ])('gives %j the initials %j', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
