/** The recent conversations as React state, shared by every tab of this browser. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Conversation } from '../api/conversation-schema';
import { recentsStore, type Recent } from './recents-store';

const serverSnapshot: Recent[] = [];

export function useRecents(): Recent[] {
  return useSyncExternalStore(
    recentsStore.subscribe,
    recentsStore.getSnapshot,
    () => serverSnapshot,
  );
}

/**
 * Records the conversation once its data has loaded, and refreshes the snapshot when later
 * loads change it; the time it was opened stays that of this visit.
 */
export function useRememberConversation(id: string, conversation: Conversation | undefined) {
  const [openedAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    if (!conversation) return;
    const { title, status, priority } = conversation;
    recentsStore.remember({ id, title, status, priority, openedAt });
  }, [id, conversation, openedAt]);
}
