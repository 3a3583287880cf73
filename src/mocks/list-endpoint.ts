/**
 * `GET /conversation` the way its contract describes it, for the demo handlers, the end-to-end
 * stub and the bench upstream alike: the documented filters; newest first; keyset pagination,
 * `limit` 25 by default and at most 100, the `cursor` a JSON `{ lastCreatedAt, lastId }` of the
 * last item the client got; a bare array, with no total and no next cursor. Bad input is a 400.
 */
type Wire = Record<string, unknown>;

export interface ListAnswer {
  status: number;
  body: object;
}

const isRecord = (value: unknown): value is Wire =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown): Wire[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** The API's 0–1; older fixtures hold 0–100. */
const frustrationOf = (conversation: Wire) => {
  const value = conversation.frustration;
  if (typeof value !== 'number') return null;
  return value > 1 ? value / 100 : value;
};

/** Each filter as the contract describes it; an unknown parameter is ignored, as the API does. */
const filters: Record<string, (conversation: Wire, value: string) => boolean> = {
  status: (c, value) => c.status === value,
  priority: (c, value) => c.priority === value,
  channel: (c, value) => c.channel === value,
  agentId: (c, value) => (value === 'null' ? !c.agentId : c.agentId === value),
  assigneeId: (c, value) => {
    const assignees = list(c.assignees);
    if (value === 'unassigned') return assignees.length === 0;
    // A membership id; the demo's assignees carry only their user, so that id counts too.
    return assignees.some((a) => a.id === value || (isRecord(a.user) && a.user.id === value));
  },
  unread: (c, value) => Number(c.unreadMessagesCount) > 0 === (value === 'true'),
  tag: (c, value) => list(c.tags).some((tag) => tag.tag === value),
  ai: (c, value) => (c.isAiEnabled !== false) === (value === 'enabled'),
  frustrationMin: (c, value) => (frustrationOf(c) ?? -1) >= Number(value),
  frustrationMax: (c, value) => {
    const frustration = frustrationOf(c);
    return frustration !== null && frustration <= Number(value);
  },
  npsRating: (c, value) => c.npsRating === Number(value),
  crmScenarioId: (c, value) =>
    list(c.crmScenarioConversations).some(
      (link) => link.available !== false && isRecord(link.scenario) && link.scenario.id === value,
    ),
  crmStepId: (c, value) =>
    list(c.crmScenarioConversations).some(
      (link) => link.available !== false && isRecord(link.step) && link.step.id === value,
    ),
  adSourceId: (c, value) => list(c.ctwaAttributions).some((ad) => ad.sourceId === value),
  createdAt: (c, value) => text(c.createdAt).slice(0, 10) >= value.slice(0, 10),
  endDate: (c, value) => text(c.createdAt).slice(0, 10) <= value.slice(0, 10),
};

/** Newest first, then by id, as the cursor implies; items that are no conversation come last. */
const newestFirst = (a: unknown, b: unknown) => {
  const [createdA, createdB] = [a, b].map((item) => (isRecord(item) ? text(item.createdAt) : ''));
  if (createdA !== createdB) return createdA! < createdB! ? 1 : -1;
  const [idA, idB] = [a, b].map((item) => (isRecord(item) ? text(item.id) : ''));
  return idA === idB ? 0 : idA! < idB! ? 1 : -1;
};

const sortedCache = new WeakMap<unknown[], unknown[]>();
const sorted = (all: unknown[]) => {
  let ordered = sortedCache.get(all);
  if (!ordered) sortedCache.set(all, (ordered = all.toSorted(newestFirst)));
  return ordered;
};

const badRequest = (details: string): ListAnswer => ({
  status: 400,
  body: { error: 'INVALID_REQUEST', details },
});

function readCursor(raw: string): { lastCreatedAt: string; lastId: string } | null {
  try {
    const cursor: unknown = JSON.parse(raw);
    if (
      isRecord(cursor) &&
      typeof cursor.lastCreatedAt === 'string' &&
      typeof cursor.lastId === 'string'
    )
      return { lastCreatedAt: cursor.lastCreatedAt, lastId: cursor.lastId };
  } catch {
    // not JSON: refused below
  }
  return null;
}

export function answerList(all: unknown[], params: URLSearchParams): ListAnswer {
  const limitParam = params.get('limit');
  const limit = limitParam === null ? 25 : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    return badRequest('limit must be a whole number from 1 to 100');
  const cursorParam = params.get('cursor');
  const cursor = cursorParam === null ? null : readCursor(cursorParam);
  if (cursorParam !== null && !cursor) return badRequest('cursor must be JSON');

  const applied = Object.entries(filters).filter(([name]) => params.has(name));
  const page: unknown[] = [];
  for (const item of sorted(all)) {
    if (page.length === limit) break;
    if (applied.length > 0 && !isRecord(item)) continue;
    if (!applied.every(([name, matches]) => matches(item as Wire, params.get(name)!))) continue;
    if (cursor && newestFirst(item, { createdAt: cursor.lastCreatedAt, id: cursor.lastId }) <= 0)
      continue;
    page.push(item);
  }
  return { status: 200, body: page };
}
