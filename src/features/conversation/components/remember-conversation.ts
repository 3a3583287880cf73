/** Keeps each opened conversation among the recent ones. */
import { useEffect, useState } from 'react';
import type { Conversation } from '@/lib/conversation/conversation-model';
import { recentsStore } from '@/lib/recents/recents-store';

/**
 * Records the conversation once its data has loaded, and refreshes the snapshot when later
 * loads change it; the time it was opened stays that of this visit. Written at once, not after
 * loading the store lazily: a tab closed right after the page showed must still remember it.
 */
export function useRememberConversation(id: string, conversation: Conversation | undefined) {
  const [openedAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    if (!conversation) return;
    const { title, status, priority } = conversation;
    recentsStore.remember({ id, title, status, priority, openedAt });
  }, [id, conversation, openedAt]);
}
