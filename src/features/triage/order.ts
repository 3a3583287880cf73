/** The triage list's orders and its text filter: who needs help first. */
import { parseDate } from '@/lib/format';
import { isFrustrationInRange, type Conversation } from '@/lib/conversation/conversation-model';
import type { ListRow } from './api/list-conversations';
import type { SortOrder } from './api/list-filters';

const statusRank: Record<string, number> = { HUMAN_REQUESTED: 0, UNRESOLVED: 1, RESOLVED: 3 };
const priorityRank: Record<string, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };
const UNKNOWN_STATUS_RANK = 2; // between open and resolved: unknown may still need someone
const NO_PRIORITY_RANK = 3;

const updatedTime = (c: Conversation) => parseDate(c.updatedAt)?.getTime() ?? 0;

type Compare = (a: Conversation, b: Conversation) => number;

const byStatus: Compare = (a, b) =>
  (statusRank[a.status ?? ''] ?? UNKNOWN_STATUS_RANK) -
  (statusRank[b.status ?? ''] ?? UNKNOWN_STATUS_RANK);
const byPriority: Compare = (a, b) =>
  (priorityRank[a.priority ?? ''] ?? NO_PRIORITY_RANK) -
  (priorityRank[b.priority ?? ''] ?? NO_PRIORITY_RANK);
/** A frustration to rank by: none when not measured or out of range (it says nothing). */
const rankedFrustration = ({ frustration }: Conversation) =>
  frustration !== null && isFrustrationInRange(frustration) ? frustration : -1;
/** Most frustrated first; not measured, or out of range, last. */
const byFrustration: Compare = (a, b) => rankedFrustration(b) - rankedFrustration(a);
const byRecentUpdate: Compare = (a, b) => updatedTime(b) - updatedTime(a);
const byLongestWaiting: Compare = (a, b) => updatedTime(a) - updatedTime(b);

const chain =
  (...compares: Compare[]): Compare =>
  (a, b) => {
    for (const compare of compares) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };

const comparators: Record<SortOrder, Compare> = {
  attention: chain(byStatus, byPriority, byFrustration, byRecentUpdate),
  updated: byRecentUpdate,
  // Longest without an update first, among those still open.
  waiting: chain(
    (a, b) => Number(a.status === 'RESOLVED') - Number(b.status === 'RESOLVED'),
    byLongestWaiting,
  ),
  frustrated: chain(byFrustration, byRecentUpdate),
};

/** Sorted rows; rows we could not read keep their place at the end. */
export function sortRows(rows: ListRow[], order: SortOrder): ListRow[] {
  const conversations = rows.filter((row) => row.kind === 'conversation');
  const unreadable = rows.filter((row) => row.kind === 'unreadable');
  const compare = comparators[order];
  return [...conversations.sort((a, b) => compare(a.conversation, b.conversation)), ...unreadable];
}

function searchText(c: Conversation): string {
  const contacts = c.contacts.items.flatMap((contact) => [
    contact.name,
    contact.email,
    contact.phone,
  ]);
  return [c.title, c.id, ...contacts, ...c.tags.items].filter(Boolean).join('\n').toLowerCase();
}

/** Rows whose title, id, contact or tag holds the text (case-insensitive). */
export function narrowRows(rows: ListRow[], query: string): ListRow[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return rows;
  return rows.filter(
    (row) => row.kind === 'conversation' && searchText(row.conversation).includes(needle),
  );
}
