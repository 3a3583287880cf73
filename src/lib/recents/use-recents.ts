/** The recent conversations as React state, shared by every tab of this browser. */
import { useSyncExternalStore } from 'react';
import { recentsStore, type Recent } from './recents-store';

const serverSnapshot: Recent[] = [];

export function useRecents(): Recent[] {
  return useSyncExternalStore(
    recentsStore.subscribe,
    recentsStore.getSnapshot,
    () => serverSnapshot,
  );
}
