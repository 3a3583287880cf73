import { describe, expect, it } from 'vitest';
import { parseConversationList, type ListRow } from './api/list-conversations';
import { narrowRows, sortRows } from './order';

const rows = parseConversationList([
  {
    id: 'resolved-high',
    status: 'RESOLVED',
    priority: 'HIGH',
    frustration: 99,
    updatedAt: '2026-11-20T00:00:00Z',
  },
  {
    id: 'open-low',
    status: 'UNRESOLVED',
    priority: 'LOW',
    frustration: 10,
    updatedAt: '2026-11-24T00:00:00Z',
  },
  {
    id: 'human-medium',
    status: 'HUMAN_REQUESTED',
    priority: 'MEDIUM',
    frustration: null,
    updatedAt: '2026-11-22T00:00:00Z',
  },
  {
    id: 'human-high-calm',
    status: 'HUMAN_REQUESTED',
    priority: 'HIGH',
    frustration: 5,
    updatedAt: '2026-11-23T00:00:00Z',
  },
  {
    id: 'human-high-angry',
    status: 'HUMAN_REQUESTED',
    priority: 'HIGH',
    frustration: 90,
    updatedAt: '2026-11-21T00:00:00Z',
  },
  {
    id: 'human-high-unmeasured',
    status: 'HUMAN_REQUESTED',
    priority: 'HIGH',
    frustration: null,
    updatedAt: '2026-11-25T00:00:00Z',
  },
  { id: 'snoozed', status: 'SNOOZED', priority: 'HIGH', updatedAt: '2026-11-19T00:00:00Z' },
  42,
]);

const ids = (list: ListRow[]) =>
  list.map((row) => (row.kind === 'conversation' ? row.conversation.id : 'unreadable'));

describe('ordering the triage list', () => {
  it('puts who needs help first: status, then priority, then frustration (none last)', () => {
    expect(ids(sortRows(rows, 'attention'))).toEqual([
      'human-high-angry',
      'human-high-calm',
      'human-high-unmeasured',
      'human-medium',
      'open-low',
      'snoozed',
      'resolved-high',
      'unreadable',
    ]);
  });

  it('ranks a frustration out of range with the unmeasured, not as the most frustrated', () => {
    const odd = parseConversationList([
      { id: 'calm', status: 'HUMAN_REQUESTED', frustration: 0.05 },
      { id: 'out-of-range', status: 'HUMAN_REQUESTED', frustration: 74_753_522 },
      { id: 'negative', status: 'HUMAN_REQUESTED', frustration: -3 },
      { id: 'angry', status: 'HUMAN_REQUESTED', frustration: 0.9 },
    ]);
    expect(ids(sortRows(odd, 'frustrated')).slice(0, 2)).toEqual(['angry', 'calm']);
    expect(ids(sortRows(odd, 'attention')).slice(0, 2)).toEqual(['angry', 'calm']);
  });

  it('orders by most recent update, longest waiting (open first) and most frustrated', () => {
    expect(ids(sortRows(rows, 'updated')).slice(0, 3)).toEqual([
      'human-high-unmeasured',
      'open-low',
      'human-high-calm',
    ]);
    expect(ids(sortRows(rows, 'waiting')).slice(0, 2)).toEqual(['snoozed', 'human-high-angry']);
    expect(ids(sortRows(rows, 'waiting')).at(-2)).toBe('resolved-high');
    expect(ids(sortRows(rows, 'frustrated')).slice(0, 3)).toEqual([
      'resolved-high',
      'human-high-angry',
      'open-low',
    ]);
  });
});

describe('narrowing the loaded rows', () => {
  const list = parseConversationList([
    {
      id: 'a',
      title: 'Pedido atrasado',
      participantsContacts: [{ firstName: 'Carla', email: 'carla@x.com' }],
    },
    { id: 'b', title: 'Troca', tags: [{ tag: 'VIP' }] },
  ]);
  it.each([
    ['pedido', ['a']],
    ['CARLA', ['a']],
    ['carla@x', ['a']],
    ['vip', ['b']],
    ['  ', ['a', 'b']],
    ['nothing', []],
  ])('by title, contact or tag: %j', (query, expected) => {
    expect(ids(narrowRows(list, query))).toEqual(expected);
  });
});

describe('reading list items', () => {
  it('accepts assignees flat and nested, and keeps odd items as odd rows', () => {
    const list = parseConversationList([
      { id: 'flat', assignees: [{ id: 'user_1', email: 'user1@example.com' }] },
      {
        id: 'nested',
        assignees: [{ user: { id: 'user_2', name: 'Agent 2', email: 'a2@example.com' } }],
      },
      'a string',
      { title: 'no id' },
    ]);
    expect(list[0]).toMatchObject({
      conversation: { assignees: { items: [{ id: 'user_1', email: 'user1@example.com' }] } },
    });
    expect(list[1]).toMatchObject({
      conversation: { assignees: { items: [{ id: 'user_2', name: 'Agent 2' }] } },
    });
    expect(list.slice(2).map((row) => row.kind)).toEqual(['unreadable', 'unreadable']);
  });

  it('says the answer was unexpected when it is not a list', () => {
    expect(() => parseConversationList({ conversations: [] })).toThrow(/invalid-response/);
  });
});
