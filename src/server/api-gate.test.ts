// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createApiGate, HeldBack } from './api-gate';

const never = new AbortController().signal;

function setUp(maxConcurrent = 2) {
  let time = Date.parse('2026-12-04T12:00:00Z');
  const gate = createApiGate({ maxConcurrent, now: () => time });
  return { gate, later: (ms: number) => (time += ms), at: () => time };
}

/** A call the test answers when it likes. */
function heldCall() {
  let answer!: (response: Response) => void;
  const promise = new Promise<Response>((resolve) => (answer = resolve));
  let started = false;
  return {
    ask: () => ((started = true), promise),
    started: () => started,
    answer: (status = 200, headers: Record<string, string> = {}) =>
      answer(new Response('{}', { status, headers })),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the door to the API', () => {
  it('lets at most its number of calls through at once; the others wait their turn, in order', async () => {
    const { gate } = setUp(2);
    const calls = [heldCall(), heldCall(), heldCall(), heldCall()];
    const answers = calls.map((call) => gate.call(call.ask, never));
    await settle();
    expect(calls.map((call) => call.started())).toEqual([true, true, false, false]);
    expect(gate.load()).toEqual({ inFlight: 2, waiting: 2 });
    calls[1]!.answer();
    await settle();
    expect(calls.map((call) => call.started())).toEqual([true, true, true, false]);
    calls[0]!.answer();
    calls[2]!.answer();
    await settle();
    calls[3]!.answer();
    await Promise.all(answers);
    expect(gate.load()).toEqual({ inFlight: 0, waiting: 0 });
  });

  it('lets a waiting call give up when its request does', async () => {
    const { gate } = setUp(1);
    const first = heldCall();
    const running = gate.call(first.ask, never);
    const abort = new AbortController();
    const waiting = gate.call(heldCall().ask, abort.signal);
    abort.abort(new Error('timeout'));
    await expect(waiting).rejects.toThrow('timeout');
    expect(gate.load()).toEqual({ inFlight: 1, waiting: 0 });
    first.answer();
    await running;
  });

  it.each([
    [429, '30'],
    [503, '30'],
    [429, 'Fri, 04 Dec 2026 12:00:30 GMT'],
  ])('holds back every call for as long as a %i asks (Retry-After: %s)', async (status, after) => {
    const { gate, later, at } = setUp();
    const limited = heldCall();
    const answered = gate.call(limited.ask, never);
    limited.answer(status, { 'retry-after': after });
    expect((await answered).status).toBe(status);

    const held = heldCall();
    const refused = gate.call(held.ask, never);
    await expect(refused).rejects.toBeInstanceOf(HeldBack);
    await expect(refused).rejects.toMatchObject({ until: at() + 30_000 });
    expect(held.started()).toBe(false);
    expect(gate.heldUntil()).toBe(at() + 30_000);

    later(30_000);
    expect(gate.heldUntil()).toBeNull();
    const again = heldCall();
    const through = gate.call(again.ask, never);
    again.answer();
    expect((await through).status).toBe(200);
  });

  it('does not hold back for a 429 without Retry-After, nor for other errors', async () => {
    const { gate } = setUp();
    for (const [status, headers] of [
      [429, {}],
      [500, { 'retry-after': '30' }],
      [403, {}],
    ] as const) {
      const call = heldCall();
      const answered = gate.call(call.ask, never);
      call.answer(status, headers);
      await answered;
    }
    expect(gate.heldUntil()).toBeNull();
  });

  it('takes a Retry-After of hours as ten minutes at most', async () => {
    const { gate, at } = setUp();
    const call = heldCall();
    const answered = gate.call(call.ask, never);
    call.answer(429, { 'retry-after': '86400' });
    await answered;
    expect(gate.heldUntil()).toBe(at() + 10 * 60 * 1000);
  });
});
