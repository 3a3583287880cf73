// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createSharedReads, readsOfConversation, type ApiAnswer } from './shared-reads';

const answer = (body: string, status = 200): ApiAnswer => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: Buffer.from(body),
});

/** A call to the API that answers when told to. */
function pendingCall() {
  let answerWith!: (value: ApiAnswer) => void;
  const promise = new Promise<ApiAnswer>((resolve) => (answerWith = resolve));
  return { ask: vi.fn(() => promise), answerWith };
}

function setUp({ ttlMs = 4_000, maxBytes = 1024 * 1024 } = {}) {
  let time = 1_000_000;
  const reads = createSharedReads({ ttlMs, maxBytes, now: () => time });
  return { reads, later: (ms: number) => (time += ms) };
}

describe('shared reads', () => {
  it('makes one call for identical reads in flight, and answers each with it', async () => {
    const { reads } = setUp();
    const call = pendingCall();
    const first = reads.read('conversation/c1', call.ask);
    const second = reads.read('conversation/c1', call.ask);
    call.answerWith(answer('{"id":"c1"}'));
    expect(await first).toEqual({ answer: answer('{"id":"c1"}'), source: 'api' });
    expect(await second).toEqual({ answer: answer('{"id":"c1"}'), source: 'shared' });
    expect(call.ask).toHaveBeenCalledTimes(1);
  });

  it('keeps a successful answer for its time, then asks again', async () => {
    const { reads, later } = setUp({ ttlMs: 4_000 });
    const ask = vi.fn(() => Promise.resolve(answer('{"v":1}')));
    await reads.read('conversation?limit=100', ask);
    later(3_999);
    expect((await reads.read('conversation?limit=100', ask)).source).toBe('cache');
    later(1);
    expect((await reads.read('conversation?limit=100', ask)).source).toBe('api');
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('keeps reads of other paths or queries apart', async () => {
    const { reads } = setUp();
    const ask = vi.fn((body: string) => Promise.resolve(answer(body)));
    await reads.read('conversation?status=RESOLVED', () => ask('resolved'));
    const other = await reads.read('conversation?status=UNRESOLVED', () => ask('open'));
    const path = await reads.read('conversation/c1', () => ask('c1'));
    expect([other.source, path.source]).toEqual(['api', 'api']);
    expect(other.answer.body.toString()).toBe('open');
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it('never keeps an error: each read asks again', async () => {
    const { reads } = setUp();
    for (const status of [404, 429, 500, 503]) {
      const ask = vi.fn(() => Promise.resolve(answer('{"error":"x"}', status)));
      await reads.read(`conversation/e${status}`, ask);
      expect((await reads.read(`conversation/e${status}`, ask)).source).toBe('api');
      expect(ask).toHaveBeenCalledTimes(2);
    }
  });

  it('shares a failure with the reads in flight, and keeps nothing of it', async () => {
    const { reads } = setUp();
    const failing = vi.fn(() => Promise.reject(new Error('unreachable')));
    const first = reads.read('conversation/c1', failing);
    const second = reads.read('conversation/c1', failing);
    await expect(first).rejects.toThrow('unreachable');
    await expect(second).rejects.toThrow('unreachable');
    expect(failing).toHaveBeenCalledTimes(1);
    const ok = vi.fn(() => Promise.resolve(answer('{}')));
    expect((await reads.read('conversation/c1', ok)).source).toBe('api');
  });

  it('forgets what a write names, and does not keep a read begun before the write', async () => {
    const { reads } = setUp();
    const ask = vi.fn(() => Promise.resolve(answer('{"status":"UNRESOLVED"}')));
    await reads.read('conversation/c1', ask);
    await reads.read('conversation/c2', ask);
    const slow = pendingCall();
    const before = reads.read('conversation/c1/messages/50', slow.ask);

    reads.forget(readsOfConversation('c1'));
    slow.answerWith(answer('{"messages":[]}'));
    expect((await before).source).toBe('api');

    expect((await reads.read('conversation/c1', ask)).source).toBe('api');
    expect((await reads.read('conversation/c2', ask)).source).toBe('cache');
    expect((await reads.read('conversation/c1/messages/50', ask)).source).toBe('api');
  });

  it('holds no more than its byte cap, dropping the least recently used first', async () => {
    // Room for two answers of 1,000 bytes and their keys, not three.
    const { reads } = setUp({ maxBytes: 2 * (1000 + 300) });
    const kb = (key: string) => reads.read(key, () => Promise.resolve(answer('x'.repeat(1000))));
    await kb('conversation/a');
    await kb('conversation/b');
    await kb('conversation/c');
    expect(reads.size().answers).toBe(2);
    // b is used, so a later newcomer drops c, the least recently used.
    expect((await kb('conversation/b')).source).toBe('cache');
    await kb('conversation/d');
    expect((await kb('conversation/b')).source).toBe('cache');
    expect((await kb('conversation/c')).source).toBe('api');
    expect(reads.size().bytes).toBeLessThanOrEqual(2 * 1300);
  });

  it('does not keep an answer heavier than its whole cap', async () => {
    const { reads } = setUp({ maxBytes: 500 });
    const ask = () => Promise.resolve(answer('x'.repeat(1000)));
    await reads.read('conversation/huge', ask);
    expect(reads.size()).toEqual({ answers: 0, bytes: 0 });
  });
});

describe('the reads a write to a conversation may change', () => {
  const changed = readsOfConversation('a/b');

  it('are the conversation, its messages, notes and CRM history, and every list', () => {
    for (const key of [
      'conversation/a%2Fb',
      'conversation/a%2Fb/messages/50',
      'conversations/a%2Fb/notes',
      'crm/conversationLog?conversationId=a%2Fb&page=2',
      'conversation',
      'conversation?status=HUMAN_REQUESTED&limit=100',
    ]) {
      expect(changed(key), key).toBe(true);
    }
  });

  it('are not another conversation’s', () => {
    for (const key of [
      'conversation/a%2Fbc',
      'conversation/other/messages/50',
      'conversations/other/notes',
      'crm/conversationLog?conversationId=a%2Fbc',
    ]) {
      expect(changed(key), key).toBe(false);
    }
  });
});

describe('a fresh read', () => {
  it('asks the API past what is kept and in flight, then keeps its answer for the others', async () => {
    const { reads } = setUp();
    await reads.read('conversation/c1', () => Promise.resolve(answer('{"priority":"MEDIUM"}')));
    const slow = pendingCall();
    const inFlight = reads.read('conversation/c1/messages/50', slow.ask);

    const fresh = await reads.read(
      'conversation/c1',
      () => Promise.resolve(answer('{"priority":"HIGH"}')),
      { fresh: true },
    );
    expect(fresh).toEqual({ answer: answer('{"priority":"HIGH"}'), source: 'api' });
    const freshMessages = vi.fn(() => Promise.resolve(answer('{"messages":[1]}')));
    await reads.read('conversation/c1/messages/50', freshMessages, { fresh: true });
    expect(freshMessages).toHaveBeenCalledTimes(1);
    slow.answerWith(answer('{"messages":[]}'));
    await inFlight;

    const later = await reads.read('conversation/c1', () => Promise.reject(new Error('not asked')));
    expect(later).toEqual({ answer: answer('{"priority":"HIGH"}'), source: 'cache' });
  });
});
