/**
 * The conversations this browser opened last, kept in localStorage. What is read back is
 * untrusted (older versions, other apps, hand edits): entries that do not fit are dropped, and a
 * storage that throws (private mode, full quota) leaves the list working in memory for this tab.
 */
import { conversationIdProblem } from '@/config/paths';

export const MAX_RECENTS = 20;
export const RECENTS_KEY = 'conversation-viewer:recents';

/** A snapshot of a conversation when it was last seen, and when it was opened. */
export interface Recent {
  id: string;
  title: string | null;
  status: string | null;
  priority: string | null;
  openedAt: string;
}

// Checked by hand, not with the schema library: this store is part of every page's first
// script, and five fields do not justify its 5 KB there.
const isTextOrNull = (value: unknown): value is string | null =>
  value === null || typeof value === 'string';

/** The entry as a Recent, with only its own fields, or null when it does not fit. */
function readRecent(entry: unknown): Recent | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const { id, title, status, priority, openedAt } = entry as Record<string, unknown>;
  if (typeof id !== 'string' || conversationIdProblem(id) !== null) return null;
  if (typeof openedAt !== 'string' || Number.isNaN(Date.parse(openedAt))) return null;
  if (!isTextOrNull(title) || !isTextOrNull(status) || !isTextOrNull(priority)) return null;
  return { id, title, status, priority, openedAt };
}

/** Most recent first, one entry per id, at most MAX_RECENTS. */
function tidy(entries: Recent[]): Recent[] {
  const seen = new Set<string>();
  return entries
    .toSorted((a, b) => Date.parse(b.openedAt) - Date.parse(a.openedAt))
    .filter((entry) => !seen.has(entry.id) && seen.add(entry.id))
    .slice(0, MAX_RECENTS);
}

function parse(raw: string | null): Recent[] {
  if (raw === null) return [];
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(stored)) return [];
  return tidy(
    stored.flatMap((entry) => {
      const recent = readRecent(entry);
      return recent ? [recent] : [];
    }),
  );
}

const noRecents: Recent[] = [];

export type RecentsStore = ReturnType<typeof createRecentsStore>;

/** A store for useSyncExternalStore; `getStorage` may throw, as `window.localStorage` can. */
export function createRecentsStore(getStorage: () => Storage) {
  const listeners = new Set<() => void>();
  // Set when writing failed: this tab then keeps its own list instead of the stored one.
  let unsaved: string | null = null;
  let snapshot: { raw: string | null; recents: Recent[] } = { raw: null, recents: noRecents };

  function readRaw(): string | null {
    if (unsaved !== null) return unsaved;
    try {
      return getStorage().getItem(RECENTS_KEY);
    } catch {
      return null;
    }
  }

  function write(recents: Recent[]) {
    const raw = JSON.stringify(recents);
    try {
      getStorage().setItem(RECENTS_KEY, raw);
      unsaved = null;
    } catch {
      unsaved = raw;
    }
    listeners.forEach((listener) => listener());
  }

  function getSnapshot(): Recent[] {
    const raw = readRaw();
    // The same text gives the same array, as useSyncExternalStore requires.
    if (raw !== snapshot.raw) snapshot = { raw, recents: parse(raw) };
    return snapshot.recents;
  }

  function subscribe(listener: () => void) {
    listeners.add(listener);
    // Another tab changed the list (or cleared all storage: key null).
    const onStorage = (event: StorageEvent) => {
      if (event.key === RECENTS_KEY || event.key === null) listener();
    };
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('storage', onStorage);
    };
  }

  return {
    subscribe,
    getSnapshot,
    /** Puts the conversation first, or refreshes its snapshot where it is. */
    remember(recent: Recent) {
      write(tidy([recent, ...getSnapshot().filter((entry) => entry.id !== recent.id)]));
    },
    remove(id: string) {
      write(getSnapshot().filter((entry) => entry.id !== id));
    },
    clear() {
      write([]);
    },
  };
}

export const recentsStore = createRecentsStore(() => window.localStorage);
