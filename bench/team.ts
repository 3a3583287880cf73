/**
 * A team on one copy of the viewer's server, for 60 s: each agent asks what the app asks, at the
 * moments the app asks it (src/lib/query-client.ts: refreshes on the multiples of their period,
 * after a first load whenever the agent opens the page). Each walks the open queue of 3,000 (31
 * pages of 100) every 10 s, and reads a conversation it opened from that queue every 30 s and its
 * transcript every 5 s; half the team is on the same conversation, the other half each on one of
 * its own. A third and two thirds into the run, the customers of six of those conversations
 * write. Counted at the bench upstream: the calls that reached the API, one agent alone against
 * the team; at the agents: the proxy's answer times, and how long a customer's message took to
 * reach their transcript reads; and the proxy's process memory.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { baseUrl, upstreamUrl } from './config.ts';
import { previewMemoryBytes } from './servers.ts';

const RUN_MS = 60_000;
const QUEUE_PERIOD_MS = 10_000;
const CONVERSATION_PERIOD_MS = 30_000;
const TRANSCRIPT_PERIOD_MS = 5_000;
const PAGE_SIZE = 100;
/** How many of the run's conversations get a customer's message, twice. */
const CUSTOMERS_WRITING = 6;

export interface CallCounts {
  list: number;
  messages: number;
  conversation: number;
  other: number;
}

export interface TeamRun {
  agents: number;
  /** Calls that reached the API in the run, by kind. */
  calls: CallCounts;
  /** The proxy's answer times, as the agents saw them. */
  answerMs: number[];
  /** Answers that were not 200. */
  failed: number;
  /** A customer's message stored in the API to the first transcript read with it, per agent. */
  customerSeenMs: number[];
  /** Customers' messages an agent on their conversation had not read by the end of the run. */
  customerUnseen: number;
}

/** The customers' messages of the run, by conversation: what they wrote, stored when. */
type Written = Map<string, { text: string; storedAt: number }[]>;

export interface TeamFigures {
  alone: TeamRun;
  team: TeamRun;
  memoryBeforeBytes: number;
  memoryAfterBytes: number;
}

const total = (calls: CallCounts) => calls.list + calls.messages + calls.conversation + calls.other;
export const totalCalls = total;

/** Until the next multiple of `periodMs` on the clock. */
const untilNext = (periodMs: number) => periodMs - (Date.now() % periodMs);

async function upstreamCalls(reset = false): Promise<CallCounts> {
  const answer = await fetch(`${upstreamUrl}/__calls`, { method: reset ? 'POST' : 'GET' });
  return (await answer.json()) as CallCounts;
}

/** One agent for `until`: its own pace, its own clock, the app's requests. */
async function agent(conversationId: string, until: number, run: TeamRun, written: Written) {
  const get = async (path: string): Promise<unknown> => {
    const started = performance.now();
    const answer = await fetch(`${baseUrl}/api/${path}`, {
      headers: { accept: 'application/json' },
    });
    const body = (await answer.json()) as unknown;
    run.answerMs.push(performance.now() - started);
    if (!answer.ok) run.failed += 1;
    return body;
  };

  async function walkQueue() {
    for (const status of ['HUMAN_REQUESTED', 'UNRESOLVED']) {
      let cursor = '';
      for (;;) {
        const query = new URLSearchParams({ status, limit: String(PAGE_SIZE) });
        if (cursor) query.set('cursor', cursor);
        const page = await get(`conversation?${query.toString()}`);
        if (!Array.isArray(page) || page.length < PAGE_SIZE) break;
        const { createdAt, id } = page.at(-1) as { createdAt: string; id: string };
        cursor = JSON.stringify({ lastCreatedAt: createdAt, lastId: id });
      }
    }
  }

  /** Does `read` now, then at every multiple of `periodMs` until the run ends. */
  async function every(periodMs: number, read: () => Promise<unknown>) {
    await read();
    for (;;) {
      const wait = untilNext(periodMs);
      if (Date.now() + wait >= until) return;
      await sleep(wait);
      await read();
    }
  }

  const id = encodeURIComponent(conversationId);
  const seen = new Set<string>();
  async function readTranscript() {
    const transcript = JSON.stringify(await get(`conversation/${id}/messages/50`));
    for (const { text, storedAt } of written.get(conversationId) ?? []) {
      if (seen.has(text) || !transcript.includes(text)) continue;
      seen.add(text);
      run.customerSeenMs.push(Date.now() - storedAt);
    }
  }

  await Promise.all([
    every(QUEUE_PERIOD_MS, walkQueue),
    every(CONVERSATION_PERIOD_MS, () => get(`conversation/${id}`)),
    every(TRANSCRIPT_PERIOD_MS, readTranscript),
  ]);
  run.customerUnseen += (written.get(conversationId) ?? []).filter(
    ({ text }) => !seen.has(text),
  ).length;
}

/** The customers of `conversations` write, a third and two thirds into the run, at random. */
async function customersWrite(conversations: string[], startedAt: number, written: Written) {
  for (const third of [1, 2]) {
    const at = startedAt + (third * RUN_MS) / 3 + Math.random() * TRANSCRIPT_PERIOD_MS;
    await sleep(at - Date.now());
    await Promise.all(
      conversations.map(async (id) => {
        const text = `Customer message ${third} to ${id}`;
        const stored = await fetch(`${upstreamUrl}/__customer-message/${encodeURIComponent(id)}`, {
          method: 'POST',
          body: text,
        });
        if (!stored.ok) throw new Error(`the bench upstream did not store ${text}`);
        written.set(id, [...(written.get(id) ?? []), { text, storedAt: Date.now() }]);
      }),
    );
  }
}

/** The first `count` conversations of the open queue, as the agents see it: those they open. */
async function openQueue(count: number): Promise<string[]> {
  const query = new URLSearchParams({ status: 'HUMAN_REQUESTED', limit: String(PAGE_SIZE) });
  const page = (await (await fetch(`${upstreamUrl}/conversation?${query}`)).json()) as {
    id: string;
  }[];
  if (page.length < count) throw new Error(`the open queue has ${page.length}, not ${count}`);
  return page.slice(0, count).map(({ id }) => id);
}

/** `agents` agents who open their pages within the first 10 s, for 60 s; what reached the API. */
async function runTeam(agents: number): Promise<TeamRun> {
  await sleep(10_000); // past the previous run's shared reads
  // Half on the first conversation of the queue; the others each on one of their own.
  const conversations = await openQueue(1 + Math.floor(agents / 2));
  const conversationOf = (index: number) => conversations[index % 2 ? (index + 1) / 2 : 0]!;
  const run: TeamRun = {
    agents,
    calls: await upstreamCalls(true),
    answerMs: [],
    failed: 0,
    customerSeenMs: [],
    customerUnseen: 0,
  };
  const written: Written = new Map();
  const startedAt = Date.now();
  const until = startedAt + RUN_MS;
  await Promise.all([
    customersWrite(conversations.slice(0, CUSTOMERS_WRITING), startedAt, written),
    ...Array.from({ length: agents }, async (_, index) => {
      await sleep(agents === 1 ? 0 : Math.random() * QUEUE_PERIOD_MS);
      await agent(conversationOf(index), until, run, written);
    }),
  ]);
  run.calls = await upstreamCalls();
  return run;
}

export async function measureTeam(agents = 50): Promise<TeamFigures> {
  const alone = await runTeam(1);
  const memoryBeforeBytes = previewMemoryBytes();
  const team = await runTeam(agents);
  return { alone, team, memoryBeforeBytes, memoryAfterBytes: previewMemoryBytes() };
}
