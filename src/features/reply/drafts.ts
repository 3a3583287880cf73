/**
 * What the agent is writing to each conversation's customer, kept in this browser's localStorage
 * as they type, so a reload, a crash, another conversation or a new sign-in never loses it. A
 * draft whose send has begun says so: until the outcome is known, it must not be sent again.
 * What is read back is untrusted: a draft that does not fit is dropped. A storage that throws
 * (private mode, full quota) is reported, so the page can say drafts are not kept.
 */
import { MESSAGE_MAX_LENGTH } from '@/config/conversation-writes';

const PREFIX = 'conversation-viewer:reply-draft:';
/** Drafts kept at most; the oldest go first. */
export const MAX_DRAFTS = 50;

/** A send begun and not yet confirmed: when, and the same texts already in the transcript then. */
export interface PendingSend {
  startedAt: number;
  /** Keys of the transcript's messages with the same text before this send: not its proof. */
  alreadyThere: string[];
}

export interface Draft {
  text: string;
  savedAt: number;
  pending?: PendingSend;
}

const keyOf = (conversationId: string) => `${PREFIX}${conversationId}`;

function readPending(value: unknown): PendingSend | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { startedAt, alreadyThere } = value as Record<string, unknown>;
  if (typeof startedAt !== 'number' || !Array.isArray(alreadyThere)) return undefined;
  return { startedAt, alreadyThere: alreadyThere.filter((key) => typeof key === 'string') };
}

function parseDraft(raw: string | null): Draft | null {
  if (raw === null) return null;
  try {
    const stored = JSON.parse(raw) as unknown;
    if (typeof stored !== 'object' || stored === null) return null;
    const { text, savedAt, pending } = stored as Record<string, unknown>;
    if (typeof text !== 'string' || typeof savedAt !== 'number') return null;
    const readable = readPending(pending);
    return {
      text: text.slice(0, MESSAGE_MAX_LENGTH * 2),
      savedAt,
      ...(readable ? { pending: readable } : {}),
    };
  } catch {
    return null;
  }
}

export function readDraft(conversationId: string): Draft | null {
  try {
    return parseDraft(localStorage.getItem(keyOf(conversationId)));
  } catch {
    return null;
  }
}

/** Every draft's key and when it was saved. */
function savedDrafts(): { key: string; savedAt: number }[] {
  const drafts = [];
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index);
    if (!key?.startsWith(PREFIX)) continue;
    drafts.push({ key, savedAt: parseDraft(localStorage.getItem(key))?.savedAt ?? 0 });
  }
  return drafts;
}

/**
 * Keeps the draft (an empty one with no send pending is removed); false when the browser would
 * not keep it.
 */
export function saveDraft(conversationId: string, draft: Omit<Draft, 'savedAt'>): boolean {
  try {
    if (!draft.text && !draft.pending) {
      localStorage.removeItem(keyOf(conversationId));
      return true;
    }
    const isNew = localStorage.getItem(keyOf(conversationId)) === null;
    localStorage.setItem(keyOf(conversationId), JSON.stringify({ ...draft, savedAt: Date.now() }));
    if (isNew) {
      savedDrafts()
        .toSorted((a, b) => b.savedAt - a.savedAt)
        .slice(MAX_DRAFTS)
        .forEach(({ key }) => localStorage.removeItem(key));
    }
    return true;
  } catch {
    return false;
  }
}

export const clearDraft = (conversationId: string) => saveDraft(conversationId, { text: '' });

/** Calls `onChange` when another tab changes this conversation's draft. */
export function watchDraft(conversationId: string, onChange: (draft: Draft | null) => void) {
  const onStorage = (event: StorageEvent) => {
    if (event.key === keyOf(conversationId)) onChange(parseDraft(event.newValue));
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
