/** Keeps each opened conversation among the recent ones, without loading the list up front. */
import { useEffect, useState } from 'react';
import type { Conversation } from '../api/conversation-schema';

/**
 * Records the conversation once its data has loaded, and refreshes the snapshot when later
 * loads change it; the time it was opened stays that of this visit. The store (and its schema)
 * loads then, off the page's first paint.
 */
export function useRememberConversation(id: string, conversation: Conversation | undefined) {
  const [openedAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    if (!conversation) return;
    const { title, status, priority } = conversation;
    void import('./recents-store').then(({ recentsStore }) =>
      recentsStore.remember({ id, title, status, priority, openedAt }),
    );
  }, [id, conversation, openedAt]);
}
