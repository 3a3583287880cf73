/**
 * The triage list's state in the page URL: which statuses, the API's own filters (only valid
 * values survive), the order, and the text that narrows the loaded rows. Nothing else in the URL
 * is kept, and nothing else is sent.
 */
import { listQuery } from '@/config/list-query';
import { isOneOf } from '@/lib/conversation/conversation-model';
import { knownPriorities, knownStatuses, type KnownStatus } from '@/config/conversation-values';

export const sortOrders = ['attention', 'updated', 'waiting', 'frustrated'] as const;
export type SortOrder = (typeof sortOrders)[number];

/**
 * Which conversations the list holds: the open queue (needs a human, unresolved: the default),
 * one status, or all of them. The open statuses are walked to the end, so their order and count
 * are true; resolved conversations, far more numerous, load a page at a time.
 */
export type StatusScope = 'open' | 'all' | KnownStatus;
export const openStatuses = ['HUMAN_REQUESTED', 'UNRESOLVED'] as const satisfies KnownStatus[];

/** What the API filters on besides the status, under its own parameter names. */
export interface ListFilters {
  priority?: string;
  channel?: string;
  agentId?: string;
  assigneeId?: string;
  unread?: 'true' | 'false';
  tag?: string;
  ai?: 'enabled' | 'disabled';
  /** 0–100 in the URL and the controls; sent to the API as 0–1. */
  frustrationMin?: string;
  frustrationMax?: string;
  npsRating?: string;
  crmScenarioId?: string;
  /** Only with crmScenarioId, as the API requires. */
  crmStepId?: string;
  adSourceId?: string;
  createdAt?: string;
  endDate?: string;
}

export interface ListView {
  statuses: StatusScope;
  filters: ListFilters;
  sort: SortOrder;
  /** Narrows the loaded rows by title, contact and tag; never sent to the API. */
  query: string;
}

const idPattern = /^[\w.:@-]{1,128}$/;
// The API accepts `YYYY-MM-DD`, `YYYY-MM-DD HH:mm[:ss]` and ISO 8601.
const datePattern =
  /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const isValidDate = (value: string) =>
  datePattern.test(value) && !Number.isNaN(Date.parse(value.replace(' ', 'T')));
const isWholeNumber = (min: number, max: number) => (value: string) =>
  /^\d{1,3}$/.test(value) && Number(value) >= min && Number(value) <= max;
const isPercent = isWholeNumber(0, 100);

/** The filters besides the status, as the proxies forward them (config/list-query.ts). */
type FilterName = Exclude<(typeof listQuery.filters)[number], 'status'>;

/** Each filter's test: a value that fails it is dropped, never forwarded. */
const validators: Record<FilterName, (value: string) => boolean> = {
  priority: (value) => isOneOf(knownPriorities, value),
  channel: (value) => /^[A-Za-z][\w-]{0,39}$/.test(value),
  // The string "null" asks for conversations with no agent.
  agentId: (value) => idPattern.test(value),
  // A membership id, or "unassigned".
  assigneeId: (value) => idPattern.test(value),
  unread: (value) => value === 'true' || value === 'false',
  // A tag name as typed: any printable text, of a sensible length.
  tag: (value) => value.length <= 100 && [...value].every((char) => char >= ' '),
  ai: (value) => value === 'enabled' || value === 'disabled',
  frustrationMin: isPercent,
  frustrationMax: isPercent,
  npsRating: isWholeNumber(0, 10),
  crmScenarioId: (value) => idPattern.test(value),
  crmStepId: (value) => idPattern.test(value),
  adSourceId: (value) => idPattern.test(value),
  createdAt: isValidDate,
  endDate: isValidDate,
};

/** Whether the URL keeps this value of this filter. */
export const isValidFilter = (name: keyof ListFilters, value: string) => validators[name](value);

export const filterNames = listQuery.filters.filter(
  (name): name is FilterName & keyof ListFilters => name !== 'status',
);

/** The filters that hold: valid values only, and a CRM step only with its scenario. */
function validFilters(read: (name: keyof ListFilters) => string | undefined): ListFilters {
  const filters: ListFilters = {};
  for (const name of filterNames) {
    const value = read(name)?.trim();
    if (value && validators[name](value)) (filters as Record<string, string>)[name] = value;
  }
  if (!filters.crmScenarioId) delete filters.crmStepId;
  return filters;
}

const MAX_QUERY_LENGTH = 200;

const isStatusScope = (value: string | null): value is StatusScope =>
  value === 'all' || (value !== null && isOneOf(knownStatuses, value));

export function viewFromSearchParams(params: URLSearchParams): ListView {
  const statuses = params.get('status');
  const sort = params.get('sort') ?? '';
  return {
    statuses: isStatusScope(statuses) ? statuses : 'open',
    filters: validFilters((name) => params.get(name) ?? undefined),
    sort: isOneOf(sortOrders, sort) ? sort : 'attention',
    query: (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
  };
}

/** The page URL's search for a view: defaults left out, so links stay short. */
export function searchParamsFromView({
  statuses,
  filters,
  sort,
  query,
}: ListView): URLSearchParams {
  const params = new URLSearchParams();
  if (statuses !== 'open') params.set('status', statuses);
  const valid = validFilters((name) => filters[name]);
  for (const name of filterNames) if (valid[name]) params.set(name, valid[name]);
  if (sort !== 'attention') params.set('sort', sort);
  if (query.trim()) params.set('q', query);
  return params;
}

/** The statuses the list asks the API for, one walk each; none means every status at once. */
export function statusesToFetch(statuses: StatusScope): readonly (KnownStatus | undefined)[] {
  if (statuses === 'open') return openStatuses;
  return statuses === 'all' ? [undefined] : [statuses];
}

/** Whether the list walks every page by itself: only for open statuses, never resolved ones. */
export const walksToTheEnd = (statuses: StatusScope) =>
  statuses !== 'all' && statuses !== 'RESOLVED';

const asShare = (percent: string) => String(Number(percent) / 100);

/** What the API is sent: one status, the valid filters in a stable order, frustration as 0–1. */
export function apiSearchParams(status: KnownStatus | undefined, filters: ListFilters) {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  const valid = validFilters((name) => filters[name]);
  for (const name of filterNames) {
    const value = valid[name];
    if (!value) continue;
    params.set(name, name.startsWith('frustration') ? asShare(value) : value);
  }
  return params;
}
