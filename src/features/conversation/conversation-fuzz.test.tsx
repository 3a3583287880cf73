/**
 * Property-based tests over the parse + render path: whatever the API sends, the page renders
 * (or says the body was not a conversation) and no panel crashes. `npm run test:fuzz` runs the
 * same properties with 100,000 cases.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import fc from 'fast-check';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { demoConversations } from '@/mocks/fixtures/demo-conversations';
import { hostileConversation } from '@/mocks/fixtures/hostile-conversation';
import { createTestQueryClient } from '@/testing/render-app';
import { NotAConversationError, parseConversation } from '@/lib/conversation/conversation-schema';
import { ConversationDetail } from './components/conversation-detail';

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const settings = { seed: FUZZ_SEED, numRuns: FUZZ_RUNS };
/** Generous: about 6 ms a case here, on a slower machine maybe five times that. */
const timeout = Math.max(60_000, FUZZ_RUNS * 30);
/** Rendered as the server renders: queries (the CRM history) are never run, so one client serves. */
const queryClient = createTestQueryClient();

/**
 * Parses and renders like the page does; 'rejected' when the body is not a conversation.
 * Rendered to a string: fast enough for thousands of cases, and stricter than the browser,
 * since no panel's error boundary can hide a crash here.
 */
function parseAndRender(body: unknown): 'rendered' | 'rejected' {
  let conversation;
  try {
    conversation = parseConversation(body);
  } catch (error) {
    if (error instanceof NotAConversationError) return 'rejected';
    throw error;
  }
  const html = renderToString(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <ConversationDetail conversation={conversation} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  expect(html).toMatch(/<h1[^>]*>.+<\/h1>/s); // titles may hold line breaks
  return 'rendered';
}

type Path = (string | number)[];

/** Every place in a JSON value down to the depth of the API's own shape (deeper is payload). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null || prefix.length >= 5) return [prefix];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

/** Sets (or deletes, for `undefined`) the value at `path`, in place. */
function setAt(root: unknown, path: Path, value: unknown) {
  const parent = path
    .slice(0, -1)
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
  const key = path[path.length - 1]!;
  if (value === undefined && !Array.isArray(parent))
    delete (parent as Record<string, unknown>)[key];
  else (parent as Record<string | number, unknown>)[key] = value;
}

const deeplyNested = fc.integer({ min: 50, max: 2000 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { inner: value };
  return value;
});

// Built by repetition: generating 50,000 random characters one by one would dominate the run.
const hugeString = fc
  .tuple(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
    fc.integer({ min: 2_000, max: 8_000 }),
  )
  .map(([chunk, times]) => chunk.repeat(times));

/** What a stranger, a buggy integration or a gateway might put in any field. */
const oddValue = fc.oneof(
  fc.constant(undefined), // dropped
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  hugeString,
  fc.constantFrom(
    'SNOOZED',
    'urgent',
    '',
    ' ',
    'HUMAN_REQUESTED ',
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
  ),
  fc.double(),
  fc.constantFrom(-1, 101, 1e308, -0, 0.5),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  deeplyNested,
);

const fixtures = [...Object.values(demoConversations), hostileConversation];

const mutatedConversation = fc
  .tuple(
    fc.constantFrom(...fixtures),
    fc.array(fc.tuple(fc.nat(), oddValue), { minLength: 1, maxLength: 6 }),
  )
  .map(([fixture, mutations]) => {
    const body = structuredClone(fixture) as unknown;
    for (const [pick, value] of mutations) {
      const paths = pathsOf(body).filter((path) => path.length > 0);
      if (paths.length === 0) break;
      // A copy: inserting one generated object twice could make a cycle, which JSON never has.
      setAt(body, paths[pick % paths.length]!, structuredClone(value));
    }
    return body;
  });

describe('any API answer', () => {
  it(
    `renders a mutated conversation without crashing (${FUZZ_RUNS} cases)`,
    () => {
      fc.assert(
        fc.property(mutatedConversation, (body) => {
          expect(parseAndRender(body)).toBe('rendered');
        }),
        settings,
      );
    },
    timeout,
  );

  it(
    `renders arbitrary JSON or rejects it as not a conversation (${FUZZ_RUNS / 2} cases)`,
    () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 4 }), (body) => {
          const outcome = parseAndRender(body);
          const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
          expect(outcome).toBe(isObject ? 'rendered' : 'rejected');
        }),
        { ...settings, numRuns: FUZZ_RUNS / 2 },
      );
    },
    timeout,
  );
});
