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

function setUp({
  ttlMs = 4_000,
  maxBytes = 1024 * 1024,
  listPeriodMs = 0,
  messagesUnchangedForMs = 0,
} = {}) {
  // A multiple of ten seconds on the clock, as the live queue's refreshes are.
  let time = 1_000_000;
  const reads = createSharedReads({
    ttlMs,
    maxBytes,
    listPeriodMs,
    messagesUnchangedForMs,
    now: () => time,
  });
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

describe('the reads every agent’s live queue makes anyway', () => {
  const live = () => setUp({ ttlMs: 4_000, listPeriodMs: 10_000, messagesUnchangedForMs: 30_000 });
  const openQueue = 'conversation?status=HUMAN_REQUESTED&limit=100';
  /** The open queue as the API lists it: whole conversations. */
  const listing = (...items: object[]) =>
    vi.fn(() => Promise.resolve(answer(JSON.stringify(items))));
  const c1 = { id: 'c1', updatedAt: '2026-12-05T10:00:00.000Z', unreadMessagesCount: 0 };
  const moved = { ...c1, updatedAt: '2026-12-05T10:00:07.000Z', unreadMessagesCount: 1 };
  const reader = (body: object) => vi.fn(() => Promise.resolve(answer(JSON.stringify(body))));
  type Reads = ReturnType<typeof live>['reads'];
  /** The list asked anew, as the next aligned refresh asks it. */
  const listAgain = async (reads: Reads, ask: () => Promise<ApiAnswer>) =>
    expect((await reads.read(openQueue, ask)).source).toBe('api');
  /** The open queue listed with c1, then c1 read: a read the lists may keep past its time. */
  async function readAfterListing() {
    const { reads, later } = live();
    const list = listing(c1);
    await reads.read(openQueue, list);
    const read = reader(c1);
    await reads.read('conversation/c1', read);
    return { reads, later, list, read };
  }

  it('keep a list until just before the queue’s next aligned refresh, past their own time', async () => {
    const { reads, later } = live();
    const ask = listing(c1);
    await reads.read(openQueue, ask);
    later(8_999);
    expect((await reads.read(openQueue, ask)).source).toBe('cache');
    // A second before the next refresh, an agent whose clock runs ahead asks anew…
    later(1);
    expect((await reads.read(openQueue, ask)).source).toBe('api');
    // …and the agents on time, or late, share that answer until the one after.
    later(1_500);
    expect((await reads.read(openQueue, ask)).source).toBe('cache');
    later(8_499);
    expect((await reads.read(openQueue, ask)).source).toBe('cache');
    later(1);
    expect((await reads.read(openQueue, ask)).source).toBe('api');
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it('serve a conversation past its time while the latest list shows it as it was when read', async () => {
    const { reads, later, list, read } = await readAfterListing();
    later(5_000);
    expect((await reads.read('conversation/c1', read)).source).toBe('cache');
    for (let refresh = 1; refresh <= 6; refresh += 1) {
      later(5_000);
      await listAgain(reads, list);
      later(5_000);
      expect((await reads.read('conversation/c1', read)).source).toBe('cache');
    }
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('serve its messages so for half a minute at most, in case a message does not move it', async () => {
    const { reads, later } = live();
    const list = listing(c1);
    await reads.read(openQueue, list);
    const messages = reader({ messages: [] });
    await reads.read('conversation/c1/messages/50', messages);
    for (let refresh = 1; refresh <= 3; refresh += 1) {
      later(10_000);
      await listAgain(reads, list);
      expect((await reads.read('conversation/c1/messages/50', messages)).source).toBe('cache');
    }
    later(1);
    expect((await reads.read('conversation/c1/messages/50', messages)).source).toBe('api');
  });

  it('ask again once a list shows the conversation changed: a message moved it', async () => {
    const { reads, later } = live();
    await reads.read(openQueue, listing(c1));
    const read = reader(c1);
    const messages = reader({ messages: [] });
    await reads.read('conversation/c1', read);
    await reads.read('conversation/c1/messages/50', messages);

    later(10_000);
    await listAgain(reads, listing(moved));
    expect((await reads.read('conversation/c1', read)).source).toBe('api');
    expect((await reads.read('conversation/c1/messages/50', messages)).source).toBe('api');
    // Their new answers hold while the lists show the conversation as it is now.
    later(10_000);
    await listAgain(reads, listing(moved));
    expect((await reads.read('conversation/c1', read)).source).toBe('cache');
    expect((await reads.read('conversation/c1/messages/50', messages)).source).toBe('cache');
  });

  it('keep a read for its own time only when no list showed its conversation before it', async () => {
    const { reads, later } = live();
    const read = reader(c1);
    await reads.read('conversation/c1', read);
    await reads.read(openQueue, listing(c1));
    later(4_000);
    expect((await reads.read('conversation/c1', read)).source).toBe('api');
  });

  it('ask again past their time once the lists stop, or the conversation left them', async () => {
    const { reads, later, read } = await readAfterListing();
    // The latest refresh's list, or the one before while that is under way: not older.
    later(15_000);
    expect((await reads.read('conversation/c1', read)).source).toBe('cache');
    later(1);
    expect((await reads.read('conversation/c1', read)).source).toBe('api');

    later(10_000);
    await listAgain(reads, listing({ id: 'c2' }));
    expect((await reads.read('conversation/c1', read)).source).toBe('api');
  });

  it('are not misled by a list answered after a later one: what the later showed stands', async () => {
    const { reads, later } = live();
    const slow = pendingCall();
    const earlier = reads.read(openQueue, slow.ask);
    later(1);
    await reads.read('conversation?status=UNRESOLVED&limit=100', listing(moved));
    const read = reader(moved);
    await reads.read('conversation/c1', read);
    slow.answerWith(answer(JSON.stringify([c1])));
    await earlier;
    later(5_000);
    expect((await reads.read('conversation/c1', read)).source).toBe('cache');
  });

  it('still drop what a write names', async () => {
    const { reads, later, list, read } = await readAfterListing();
    later(5_000);
    reads.forget(readsOfConversation('c1'));
    expect((await reads.read('conversation/c1', read)).source).toBe('api');
    expect((await reads.read(openQueue, list)).source).toBe('api');
  });
});
