import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { conversationContract } from '@/lib/api-contract';
import { moveTheQueue, queueMoves } from './handlers';

type Wire = Record<string, unknown>;

const api = (path: string) => fetch(new URL(`/api/${path}`, location.href));

/** The ids of every conversation of a status, walked a page at a time as the list does. */
async function idsWith(status: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (;;) {
    const query = new URLSearchParams({ status, limit: '100' });
    if (cursor) query.set('cursor', cursor);
    const page = (await (await api(`conversation?${query.toString()}`)).json()) as {
      id: string;
      createdAt: string;
    }[];
    ids.push(...page.map(({ id }) => id));
    if (page.length < 100) return ids;
    const last = page.at(-1)!;
    cursor = JSON.stringify({ lastCreatedAt: last.createdAt, lastId: last.id });
  }
}

describe('the demo queue’s moves', () => {
  it('bring a customer asking for a person and resolve another: as many wait as before', async () => {
    const before = await idsWith('HUMAN_REQUESTED');
    const [first] = queueMoves;
    expect(before).toContain(first.resolved);
    expect((await api(`conversation/${first.arrives.id}`)).status).toBe(404);

    moveTheQueue();
    const after = await idsWith('HUMAN_REQUESTED');
    expect(after).toHaveLength(before.length);
    expect(after).toContain(first.arrives.id);
    expect(after).not.toContain(first.resolved);
    const resolved = (await (await api(`conversation/${first.resolved}`)).json()) as Wire;
    expect(resolved.status).toBe('RESOLVED');
  });

  it('keep to the API contract, and stop when none is left', async () => {
    for (const move of queueMoves) {
      moveTheQueue();
      const newcomer: unknown = await (await api(`conversation/${move.arrives.id}`)).json();
      expect(z.safeParse(conversationContract, newcomer).success).toBe(true);
    }
    const waiting = (await idsWith('HUMAN_REQUESTED')).length;
    moveTheQueue();
    expect(await idsWith('HUMAN_REQUESTED')).toHaveLength(waiting);
  });
});
