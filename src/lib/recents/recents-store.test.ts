import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecentsStore, MAX_RECENTS, RECENTS_KEY, type Recent } from './recents-store';

const recent = (id: string, minute: number, title: string | null = `Title ${id}`): Recent => ({
  id,
  title,
  status: 'UNRESOLVED',
  priority: 'HIGH',
  openedAt: new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString(),
});

function storeWith(raw: string | null) {
  const storage = window.localStorage;
  if (raw !== null) storage.setItem(RECENTS_KEY, raw);
  return createRecentsStore(() => storage);
}

describe('recents store', () => {
  beforeEach(() => localStorage.clear());

  it('starts empty', () => {
    expect(storeWith(null).getSnapshot()).toEqual([]);
  });

  it.each([
    ['corrupt JSON', '{"id": "conv_1",'],
    ['an object instead of a list', JSON.stringify({ id: 'conv_1', openedAt: '2026-01-01' })],
    ['a number', '42'],
    ['null', 'null'],
    ['a list of strings', JSON.stringify(['conv_1', 'conv_2'])],
  ])('ignores %s', (_, raw) => {
    expect(storeWith(raw).getSnapshot()).toEqual([]);
  });

  it('keeps the entries it can read and drops those of the wrong shape or types', () => {
    const good = recent('conv_good', 5);
    const raw = JSON.stringify([
      { ...recent('conv_title', 1), title: 42 },
      { ...recent('conv_date', 2), openedAt: 'yesterday' },
      { ...recent('conv_status', 3), status: ['HIGH'] },
      { title: 'no id', openedAt: good.openedAt, status: null, priority: null },
      { ...recent('', 4) },
      null,
      'conv_string',
      good,
    ]);
    expect(storeWith(raw).getSnapshot()).toEqual([good]);
  });

  it('remembers the latest first and moves a conversation opened again to the front', () => {
    const store = storeWith(null);
    store.remember(recent('conv_a', 1));
    store.remember(recent('conv_b', 2));
    store.remember(recent('conv_a', 3, 'New title'));
    expect(store.getSnapshot().map((entry) => [entry.id, entry.title])).toEqual([
      ['conv_a', 'New title'],
      ['conv_b', 'Title conv_b'],
    ]);
  });

  it('updates the snapshot in place when the same visit loads newer data', () => {
    const store = storeWith(null);
    store.remember(recent('conv_a', 1));
    store.remember(recent('conv_b', 2));
    store.remember({ ...recent('conv_a', 1), status: 'RESOLVED' });
    expect(store.getSnapshot().map((entry) => [entry.id, entry.status])).toEqual([
      ['conv_b', 'UNRESOLVED'],
      ['conv_a', 'RESOLVED'],
    ]);
  });

  it('reads stored duplicates once, most recent first, and at most 20', () => {
    const stored = Array.from({ length: 30 }, (_, index) => recent(`conv_${index % 25}`, index));
    const recents = storeWith(JSON.stringify(stored)).getSnapshot();
    expect(recents).toHaveLength(MAX_RECENTS);
    expect(recents[0]).toEqual(recent('conv_4', 29));
    expect(new Set(recents.map((entry) => entry.id)).size).toBe(MAX_RECENTS);
  });

  it('keeps only the last 20 it remembers', () => {
    const store = storeWith(null);
    for (let index = 0; index < 25; index += 1) store.remember(recent(`conv_${index}`, index));
    const ids = store.getSnapshot().map((entry) => entry.id);
    expect(ids).toHaveLength(20);
    expect(ids[0]).toBe('conv_24');
    expect(ids).not.toContain('conv_4');
    expect(JSON.parse(localStorage.getItem(RECENTS_KEY) ?? '')).toHaveLength(20);
  });

  it('removes one, then all', () => {
    const store = storeWith(JSON.stringify([recent('conv_a', 1), recent('conv_b', 2)]));
    store.remove('conv_a');
    expect(store.getSnapshot().map((entry) => entry.id)).toEqual(['conv_b']);
    store.clear();
    expect(store.getSnapshot()).toEqual([]);
  });

  it('gives the same array until the stored text changes', () => {
    const store = storeWith(JSON.stringify([recent('conv_a', 1)]));
    expect(store.getSnapshot()).toBe(store.getSnapshot());
  });

  it('works in memory when the storage cannot be reached at all', () => {
    const store = createRecentsStore(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(store.getSnapshot()).toEqual([]);
    store.remember(recent('conv_a', 1));
    expect(store.getSnapshot().map((entry) => entry.id)).toEqual(['conv_a']);
  });

  it('keeps working for this tab when writing throws (full quota, private mode)', () => {
    const store = storeWith(JSON.stringify([recent('conv_a', 1)]));
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    store.remember(recent('conv_b', 2));
    expect(store.getSnapshot().map((entry) => entry.id)).toEqual(['conv_b', 'conv_a']);
  });

  it('tells subscribers about changes here and in other tabs', () => {
    const store = storeWith(null);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.remember(recent('conv_a', 1));
    expect(listener).toHaveBeenCalledTimes(1);

    // Another tab wrote the list: the browser only sends this tab a storage event.
    localStorage.setItem(RECENTS_KEY, JSON.stringify([recent('conv_z', 9)]));
    window.dispatchEvent(new StorageEvent('storage', { key: RECENTS_KEY }));
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot().map((entry) => entry.id)).toEqual(['conv_z']);

    window.dispatchEvent(new StorageEvent('storage', { key: 'something-else' }));
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    store.clear();
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
