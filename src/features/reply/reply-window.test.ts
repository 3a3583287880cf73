import { describe, expect, it } from 'vitest';
import { parseTranscript } from '@/lib/transcript/transcript-schema';
import { replyWindow, timeLeft } from './reply-window';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Messages in the contract's shape: the customer, an operator (with a userId) and the AI. */
let nextId = 0;
const fromCustomer = (createdAt?: string) => ({
  id: `m${(nextId += 1)}`,
  from: 'human',
  contactId: 'c1',
  text: 'Oi, alguém?',
  ...(createdAt ? { createdAt } : {}),
});
const fromOperator = (createdAt: string) => ({
  id: `m${(nextId += 1)}`,
  from: 'human',
  userId: 'u1',
  text: 'Olá! Já vejo isso.',
  createdAt,
});
const fromAi = (createdAt: string) => ({
  id: `m${(nextId += 1)}`,
  from: 'agent',
  text: 'Sou o assistente.',
  createdAt,
});
const entriesOf = (...messages: object[]) => parseTranscript(messages).entries;

const at = (iso: string) => Date.parse(iso);

describe('replyWindow', () => {
  const lastWord = '2026-12-04T10:00:00.000Z';
  const entries = entriesOf(fromCustomer(lastWord));

  it('is none on channels without a window, or without a channel', () => {
    const now = at(lastWord) + 3 * DAY;
    expect(replyWindow('website', entries, now)).toEqual({ kind: 'none' });
    expect(replyWindow('telegram', entries, now)).toEqual({ kind: 'none' });
    expect(replyWindow(null, entries, now)).toEqual({ kind: 'none' });
  });

  it('is open on WhatsApp and Instagram until 24 hours after the customer’s last message', () => {
    const now = at(lastWord) + 2 * HOUR;
    const open = { kind: 'open', closesAt: at(lastWord) + DAY };
    expect(replyWindow('whatsapp', entries, now)).toEqual(open);
    expect(replyWindow('instagram', entries, now)).toEqual(open);
    expect(replyWindow('instagramDm', entries, now)).toEqual(open);
  });

  it('is counted from the customer’s message: a later operator or AI message does not extend it', () => {
    const later = entriesOf(
      fromCustomer(lastWord),
      fromOperator('2026-12-04T20:00:00.000Z'),
      fromAi('2026-12-05T09:00:00.000Z'),
    );
    expect(replyWindow('whatsapp', later, at('2026-12-05T09:30:00.000Z'))).toEqual({
      kind: 'open',
      closesAt: at('2026-12-05T10:00:00.000Z'),
    });
    expect(replyWindow('whatsapp', later, at('2026-12-05T10:30:00.000Z'))).toEqual({
      kind: 'closed',
      closedAt: at('2026-12-05T10:00:00.000Z'),
    });
  });

  it('is open 1 ms before 24 hours, and closed at exactly 24 hours', () => {
    expect(replyWindow('whatsapp', entries, at(lastWord) + DAY - 1)).toEqual({
      kind: 'open',
      closesAt: at(lastWord) + DAY,
    });
    expect(replyWindow('whatsapp', entries, at(lastWord) + DAY)).toEqual({
      kind: 'closed',
      closedAt: at(lastWord) + DAY,
    });
  });

  it('compares times written in other time zones as instants', () => {
    // 07:00 in São Paulo is 10:00 UTC: the window closes at 10:00 UTC the next day.
    const saoPaulo = entriesOf(fromCustomer('2026-12-04T07:00:00-03:00'));
    expect(replyWindow('whatsapp', saoPaulo, at('2026-12-05T09:00:00Z'))).toEqual({
      kind: 'open',
      closesAt: at('2026-12-05T10:00:00Z'),
    });
    expect(replyWindow('whatsapp', saoPaulo, at('2026-12-05T10:00:00Z')).kind).toBe('closed');

    // 19:00 in Tokyo is 10:00 UTC the same day.
    const tokyo = entriesOf(fromCustomer('2026-12-04T19:00:00+09:00'));
    expect(replyWindow('whatsapp', tokyo, at('2026-12-05T09:59:59Z')).kind).toBe('open');
    expect(replyWindow('whatsapp', tokyo, at('2026-12-05T10:00:00Z')).kind).toBe('closed');
  });

  it('takes the customer’s latest message whatever order the messages are in', () => {
    const inOrder = entriesOf(
      fromCustomer('2026-12-03T08:00:00.000Z'),
      fromCustomer(lastWord),
      fromCustomer('2026-12-02T08:00:00.000Z'),
    );
    const now = at(lastWord) + HOUR;
    const open = { kind: 'open', closesAt: at(lastWord) + DAY };
    expect(replyWindow('whatsapp', inOrder, now)).toEqual(open);
    expect(replyWindow('whatsapp', inOrder.toReversed(), now)).toEqual(open);
    expect(replyWindow('whatsapp', [inOrder[1]!, inOrder[0]!, inOrder[2]!], now)).toEqual(open);
  });

  it('ignores the customer’s messages that carry no date', () => {
    const withUndated = entriesOf(fromCustomer(lastWord), fromCustomer());
    expect(replyWindow('whatsapp', withUndated, at(lastWord) + DAY + HOUR)).toEqual({
      kind: 'closed',
      closedAt: at(lastWord) + DAY,
    });
    expect(replyWindow('whatsapp', entriesOf(fromCustomer()), at(lastWord))).toEqual({
      kind: 'unknown',
    });
  });

  it('is unknown when no message of the customer is loaded', () => {
    const now = at(lastWord);
    expect(replyWindow('whatsapp', [], now)).toEqual({ kind: 'unknown' });
    expect(
      replyWindow(
        'instagram',
        entriesOf(fromOperator('2026-12-04T09:00:00.000Z'), fromAi('2026-12-04T09:30:00.000Z')),
        now,
      ),
    ).toEqual({ kind: 'unknown' });
  });
});

describe('timeLeft', () => {
  const MINUTE = 60 * 1000;

  it('counts whole hours, rounded down, from two hours on', () => {
    expect(timeLeft(3 * HOUR + 59 * MINUTE)).toEqual({ unit: 'hour', value: 3 });
    expect(timeLeft(120 * MINUTE)).toEqual({ unit: 'hour', value: 2 });
    expect(timeLeft(DAY - 1)).toEqual({ unit: 'hour', value: 23 });
  });

  it('counts whole minutes, rounded down, under two hours', () => {
    expect(timeLeft(119 * MINUTE)).toEqual({ unit: 'minute', value: 119 });
    expect(timeLeft(120 * MINUTE - 1)).toEqual({ unit: 'minute', value: 119 });
    expect(timeLeft(30 * 1000)).toEqual({ unit: 'minute', value: 0 });
  });
});
