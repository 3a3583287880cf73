/**
 * The conversations that came into the open queue while the agent watched it: "New" until seen.
 * Remembered per query client, so a trip to a conversation and back keeps what was new and what
 * was there before; a reload starts afresh, with nothing new.
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import type { Conversation } from '@/lib/conversation/conversation-model';
import type { ListRow } from './api/list-conversations';

interface Memory {
  /** By view: the ids it held when last shown, once its walk first came whole. */
  shown: Map<string, Set<string>>;
  /** Came in after their view first came whole, and not seen since; replaced on each change. */
  unseen: ReadonlySet<string>;
  listeners: Set<() => void>;
}

const memories = new WeakMap<QueryClient, Memory>();

function memoryOf(queryClient: QueryClient): Memory {
  let memory = memories.get(queryClient);
  if (!memory) {
    memory = { shown: new Map(), unseen: new Set(), listeners: new Set() };
    memories.set(queryClient, memory);
  }
  return memory;
}

function setUnseen(memory: Memory, unseen: ReadonlySet<string>) {
  memory.unseen = unseen;
  for (const listener of memory.listeners) listener();
}

const conversationsOf = (rows: ListRow[]) =>
  rows.flatMap((row) => (row.kind === 'conversation' ? [row.conversation] : []));

/**
 * Which rows are new, and a way to say they were seen. `liveKey` names a view walked whole (null
 * otherwise: nothing is new there); each time its rows change, those it did not hold before are
 * newcomers, handed to `onArrival`. A view's first whole walk brings none.
 */
export function useNewcomers(
  liveKey: string | null,
  rows: ListRow[],
  onArrival: (newcomers: Conversation[]) => void,
) {
  const memory = memoryOf(useQueryClient());
  const subscribe = useCallback(
    (listener: () => void) => {
      memory.listeners.add(listener);
      return () => memory.listeners.delete(listener);
    },
    [memory],
  );
  const unseen = useSyncExternalStore(subscribe, () => memory.unseen);

  const arrival = useRef(onArrival);
  useLayoutEffect(() => {
    arrival.current = onArrival;
  });

  // Before paint, so a newcomer never shows without its marker.
  useLayoutEffect(() => {
    if (!liveKey) return;
    const conversations = conversationsOf(rows);
    const before = memory.shown.get(liveKey);
    memory.shown.set(liveKey, new Set(conversations.map(({ id }) => id)));
    if (!before) return;
    const newcomers = conversations.filter(({ id }) => !before.has(id));
    if (newcomers.length === 0) return;
    setUnseen(memory, new Set([...memory.unseen, ...newcomers.map(({ id }) => id)]));
    arrival.current(newcomers);
  }, [liveKey, rows, memory]);

  const markSeen = useCallback(
    (ids: readonly string[]) => {
      if (!ids.some((id) => memory.unseen.has(id))) return;
      const seen = new Set(ids);
      setUnseen(memory, new Set([...memory.unseen].filter((id) => !seen.has(id))));
    },
    [memory],
  );

  return { unseen, markSeen };
}
