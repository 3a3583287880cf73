/**
 * The triage list's state in the page URL: the API's own filters (only valid values survive),
 * plus the order and the text that narrows the loaded rows. Nothing else in the URL is kept.
 */
import { isOneOf, knownPriorities, knownStatuses } from '@/lib/conversation/conversation-model';

export const sortOrders = ['attention', 'updated', 'waiting', 'frustrated'] as const;
export type SortOrder = (typeof sortOrders)[number];

/** What the API filters on, under its own parameter names. */
export interface ListFilters {
  status?: string;
  priority?: string;
  channel?: string;
  agentId?: string;
  assigneeId?: string;
  unread?: 'true' | 'false';
  createdAt?: string;
  endDate?: string;
}

export interface ListView {
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

/** Each filter's test: a value that fails it is dropped, never forwarded. */
const validators: Record<keyof ListFilters, (value: string) => boolean> = {
  status: (value) => isOneOf(knownStatuses, value),
  priority: (value) => isOneOf(knownPriorities, value),
  channel: (value) => /^[A-Za-z][\w-]{0,39}$/.test(value),
  // The string "null" asks for conversations with no agent.
  agentId: (value) => idPattern.test(value),
  assigneeId: (value) => idPattern.test(value),
  unread: (value) => value === 'true' || value === 'false',
  createdAt: isValidDate,
  endDate: isValidDate,
};

export const filterNames = Object.keys(validators) as (keyof ListFilters)[];

const MAX_QUERY_LENGTH = 200;

export function viewFromSearchParams(params: URLSearchParams): ListView {
  const filters: ListFilters = {};
  for (const name of filterNames) {
    const value = params.get(name)?.trim();
    if (value && validators[name](value)) (filters as Record<string, string>)[name] = value;
  }
  const sort = params.get('sort');
  return {
    filters,
    sort: (sortOrders as readonly string[]).includes(sort ?? '')
      ? (sort as SortOrder)
      : 'attention',
    query: (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
  };
}

/** The page URL's search for a view: defaults left out, so links stay short. */
export function searchParamsFromView({ filters, sort, query }: ListView): URLSearchParams {
  const params = apiSearchParams(filters);
  if (sort !== 'attention') params.set('sort', sort);
  if (query.trim()) params.set('q', query);
  return params;
}

/** What the API is sent: its known filters with valid values, in a stable order. */
export function apiSearchParams(filters: ListFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of filterNames) {
    const value = filters[name];
    if (value && validators[name](value)) params.set(name, value);
  }
  return params;
}
