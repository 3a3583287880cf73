import { describe, expect, it } from 'vitest';
import { parseTranscript } from '@/lib/transcript/transcript-schema';
import { CLOCK_SKEW_MS, isDelivered, sameTextKeys } from './sent-message';

const STARTED = Date.parse('2026-12-04T10:00:00.000Z');
const TEXT = 'Seu pedido foi reenviado hoje.';
const iso = (time: number) => new Date(time).toISOString();

/** Messages in the contract's shape: an operator has a userId, the customer a contactId. */
const byOperator = (id: string, text: string, createdAt?: number) => ({
  id,
  from: 'human',
  userId: 'u1',
  text,
  ...(createdAt === undefined ? {} : { createdAt: iso(createdAt) }),
});
const byCustomer = (id: string, text: string, createdAt: number) => ({
  id,
  from: 'human',
  contactId: 'c1',
  text,
  createdAt: iso(createdAt),
});
const byAi = (id: string, text: string, createdAt: number) => ({
  id,
  from: 'agent',
  text,
  createdAt: iso(createdAt),
});
const entriesOf = (...messages: object[]) => parseTranscript(messages).entries;

const sendOf = (alreadyThere: string[] = []) => ({ startedAt: STARTED, alreadyThere });

describe('isDelivered', () => {
  it('finds the operator’s message with the same text, dated after the send began', () => {
    const entries = entriesOf(
      byCustomer('m1', 'Cadê meu pedido?', STARTED - 60_000),
      byOperator('m2', TEXT, STARTED + 800),
    );
    expect(isDelivered(entries, TEXT, sendOf())).toBe(true);
  });

  it('compares the texts trimmed', () => {
    const entries = entriesOf(byOperator('m2', `  ${TEXT}\n`, STARTED + 800));
    expect(isDelivered(entries, `${TEXT}  `, sendOf())).toBe(true);
    expect(isDelivered(entries, 'Outro texto', sendOf())).toBe(false);
  });

  it('allows for the API’s clock being up to two minutes behind', () => {
    const justInside = entriesOf(byOperator('m2', TEXT, STARTED - CLOCK_SKEW_MS));
    expect(CLOCK_SKEW_MS).toBe(2 * 60 * 1000);
    expect(isDelivered(justInside, TEXT, sendOf())).toBe(true);
    const justOutside = entriesOf(byOperator('m2', TEXT, STARTED - CLOCK_SKEW_MS - 1));
    expect(isDelivered(justOutside, TEXT, sendOf())).toBe(false);
  });

  it('does not count the same text from the customer or the AI', () => {
    const entries = entriesOf(
      byCustomer('m1', TEXT, STARTED + 1000),
      byAi('m2', TEXT, STARTED + 2000),
    );
    expect(isDelivered(entries, TEXT, sendOf())).toBe(false);
  });

  it('does not count the same text sent before, listed as already there', () => {
    const earlier = entriesOf(byOperator('m1', TEXT, STARTED - 30_000));
    const [before] = sameTextKeys(earlier, TEXT);
    expect(before).toBe('id:m1');
    expect(isDelivered(earlier, TEXT, sendOf([before!]))).toBe(false);

    const withNew = entriesOf(
      byOperator('m1', TEXT, STARTED - 30_000),
      byOperator('m9', TEXT, STARTED + 500),
    );
    expect(isDelivered(withNew, TEXT, sendOf([before!]))).toBe(true);
  });

  it('does not count the same text dated well before the send', () => {
    const entries = entriesOf(byOperator('m1', TEXT, STARTED - 60 * 60 * 1000));
    expect(isDelivered(entries, TEXT, sendOf())).toBe(false);
  });

  it('counts the operator’s message with that text when it carries no date', () => {
    const entries = entriesOf(byOperator('m1', TEXT));
    expect(isDelivered(entries, TEXT, sendOf())).toBe(true);
  });

  it('finds nothing in an empty transcript', () => {
    expect(isDelivered([], TEXT, sendOf())).toBe(false);
  });
});

describe('sameTextKeys', () => {
  it('lists the operators’ messages with that text only', () => {
    const entries = entriesOf(
      byOperator('m1', TEXT, STARTED - 3000),
      byCustomer('m2', TEXT, STARTED - 2000),
      byAi('m3', TEXT, STARTED - 1000),
      byOperator('m4', 'Outro texto', STARTED - 500),
      byOperator('m5', ` ${TEXT} `, STARTED - 100),
    );
    expect(sameTextKeys(entries, TEXT)).toEqual(['id:m1', 'id:m5']);
  });
});
