/**
 * The conversations this browser opened last, kept in localStorage. What is read back is
 * untrusted (older versions, other apps, hand edits): entries that do not fit are dropped, and a
 * storage that throws (private mode, full quota) leaves the list working in memory for this tab.
 */
import * as z from 'zod/mini';
import { conversationIdProblem } from '@/config/paths';

export const MAX_RECENTS = 20;
export const RECENTS_KEY = 'conversation-viewer:recents';

const recentSchema = z.object({
  id: z.string().check(z.refine((id) => conversationIdProblem(id) === null)),
  title: z.nullable(z.string()),
  status: z.nullable(z.string()),
  priority: z.nullable(z.string()),
  openedAt: z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)))),
});

/** A snapshot of a conversation when it was last seen, and when it was opened. */
export type Recent = z.infer<typeof recentSchema>;

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
      const result = recentSchema.safeParse(entry);
      return result.success ? [result.data] : [];
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
