/** Formatting through Intl, so every date, number and phone looks the same everywhere. */
import { renderTime } from './clock';
import type { Locale } from './locales';

export type { Locale };

let locale: Locale = 'en';
/** The reader's time zone; unset in the browser, which knows its own. */
let timeZone: string | undefined;
// Made on first use and kept: building an Intl formatter (and loading its locale data) costs
// tens of milliseconds on a phone, which a page start should not pay for formats it never uses.
let formats: {
  dateTime?: Intl.DateTimeFormat;
  relative?: Intl.RelativeTimeFormat;
  number?: Intl.NumberFormat;
  percent?: Intl.NumberFormat;
} = {};

/**
 * Switches every date, time and number to the locale (the app remounts after it). The server
 * names the reader's time zone too, as it renders in none of its own.
 */
export function setFormatLocale(next: Locale, nextTimeZone?: string) {
  if (next === locale && nextTimeZone === timeZone) return;
  locale = next;
  timeZone = nextTimeZone;
  formats = {};
}

/** The locale every format follows now. */
export const currentLocale = (): Locale => locale;

/** A Date for an ISO string, or null when it is missing or not a date. */
export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDateTime(date: Date): string {
  formats.dateTime ??= new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  return formats.dateTime.format(date);
}

const relativeSteps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Infinity],
];

/** "3 days ago", "in 2 hours", "now". */
export function formatRelative(date: Date, now: number = renderTime()): string {
  const relative = (formats.relative ??= new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  let amount = (date.getTime() - now) / 1000;
  for (const [unit, size] of relativeSteps) {
    // Round first, so 59.6 seconds reads as "1 minute", not "60 seconds".
    const rounded = Math.round(amount);
    if (Math.abs(rounded) < size) return relative.format(rounded, unit);
    amount /= size;
  }
  return relative.format(Math.round(amount), 'year');
}

export function formatNumber(value: number): string {
  formats.number ??= new Intl.NumberFormat(locale);
  return formats.number.format(value);
}

/** A 0–1 share as a whole percentage: "64%" (or "64 %", as the locale writes it). */
export function formatPercent(share: number): string {
  formats.percent ??= new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return formats.percent.format(share);
}

/** Country codes whose national numbers we group the way people write them. */
const nationalGroups: Record<string, (national: string) => string | null> = {
  // Brazil: area code, then 4-4 or 5-4 (mobiles carry the leading 9).
  '55': (n) =>
    n.length === 10 || n.length === 11 ? `${n.slice(0, 2)} ${n.slice(2, -4)}-${n.slice(-4)}` : null,
  // North America: area code, exchange, line.
  '1': (n) => (n.length === 10 ? `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}` : null),
};

export interface PhoneNumber {
  /** What to show: international format where the number allows it. */
  display: string;
  /** The `tel:` target: `+` and digits. */
  href: string;
}

/**
 * Phone numbers as the API sends them (digits with the country code, no `+`: "5511999999999") or
 * as typed by contacts ("+55 11 99999-9999", "(11) 9999-9999").
 */
export function formatPhone(raw: string): PhoneNumber | null {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 6 || digits.length > 15) return null;
  // Bare digits carry their country code; typed grouping without a `+` is a national number.
  const international = raw.trim().startsWith('+') || /^\d+$/.test(raw.trim());
  if (!international) return { display: raw.trim(), href: digits };
  for (const [code, group] of Object.entries(nationalGroups)) {
    if (!digits.startsWith(code)) continue;
    const national = group(digits.slice(code.length));
    if (national) return { display: `+${code} ${national}`, href: `+${digits}` };
  }
  // A country we do not group: keep the grouping the person typed, which knows where the
  // country code ends; with none typed, the digits as they are.
  const typed = raw.trim().replace(/\s+/g, ' ').replace(/^\+?/, '+');
  return { display: /[\s().-]/.test(typed) ? typed : `+${digits}`, href: `+${digits}` };
}

/** Up to two initials for an avatar; for an e-mail address, from the part before the @. */
export function initials(name: string): string {
  // "@handle" is a social handle; "name@domain" an address, named by its local part.
  const [localPart = ''] = name.trim().replace(/^@/, '').split('@');
  const words = localPart.split(/[\s._-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0] ?? '?'];
  return (
    letters
      .map((word) => Array.from(word ?? '')[0] ?? '')
      .join('')
      .toUpperCase() || '?'
  );
}
