import { useWindowVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useLocation } from 'react-router';
import { triageMessages } from '../triage-messages';
import { useShortcut } from '@/lib/use-shortcut';
import type { ListRow } from '../api/list-conversations';
import { TriageRow } from './triage-row';

/**
 * Rows have a fixed height per layout (two lines wide, four on a phone): nothing to measure, so
 * the list lays out thousands of rows at once and a scroll position comes back exactly.
 */
function rowHeight() {
  const wide =
    typeof window.matchMedia === 'function' && window.matchMedia('(min-width: 640px)').matches;
  return wide ? 72 : 116;
}
/** How close to the end the next page is asked for: about a screen ahead. */
const END_REACHED_ROWS = 15;
/** How long a new row stays on screen, in a visible tab, before it counts as seen. */
export const SEEN_AFTER_MS = 5000;
const noIds: ReadonlySet<string> = new Set();
const scrollKey = (locationKey: string) => `triage-scroll:${locationKey}`;

const subscribeToVisibility = (onChange: () => void) => {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
};
const useTabVisible = () =>
  useSyncExternalStore(subscribeToVisibility, () => document.visibilityState === 'visible');

/**
 * The rows, windowed: only those on screen are in the page, so thousands of conversations scroll and
 * filter smoothly. `j`/`k` move between rows, Enter opens; the scroll position comes back with
 * Back, since each history entry keeps its own.
 */
export function TriageList({
  rows,
  onEndReached,
  unseen = noIds,
  onSeen,
}: {
  rows: ListRow[];
  /** Called when the last rows come on screen, for views that load a page at a time. */
  onEndReached?: () => void;
  /** Ids of conversations that came in while the agent watched, not seen yet. */
  unseen?: ReadonlySet<string>;
  onSeen?: (ids: readonly string[]) => void;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  // Where the list starts on the page: the window scrolls, the list is one part of it.
  const [scrollMargin, setScrollMargin] = useState(0);
  // Stable, so it runs when the list mounts and not on every render: reading offsetTop forces
  // a layout, which on each scroll frame would stall the page.
  const attachList = useCallback((node: HTMLDivElement | null) => {
    listRef.current = node;
    if (node) setScrollMargin(node.offsetTop);
  }, []);
  const location = useLocation();
  const [activeIndex, setActiveIndex] = useState<number | null>(null);
  const [height] = useState(rowHeight);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => height,
    overscan: 8,
    scrollMargin,
  });

  // Back to this entry: return to where the agent was, once the rows are laid out.
  useLayoutEffect(() => {
    const saved = Number(sessionStorage.getItem(scrollKey(location.key)));
    if (saved > 0) window.scrollTo(0, saved);
    const save = () => sessionStorage.setItem(scrollKey(location.key), String(window.scrollY));
    window.addEventListener('scroll', save, { passive: true });
    return () => window.removeEventListener('scroll', save);
  }, [location.key]);

  const move = (step: number) =>
    setActiveIndex((current) => {
      const next = current === null ? 0 : current + step;
      return Math.min(rows.length - 1, Math.max(0, next));
    });
  useShortcut('j', () => move(1));
  useShortcut('k', () => move(-1));

  useEffect(() => {
    if (activeIndex === null) return;
    virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    // The row may only exist after the scroll has rendered it.
    const frame = requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLElement>(`[data-row-index="${activeIndex}"]`)?.focus(),
    );
    return () => cancelAnimationFrame(frame);
  }, [activeIndex, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (onEndReached && lastShown >= rows.length - END_REACHED_ROWS) onEndReached();
  }, [onEndReached, lastShown, rows.length]);

  // New rows fully on screen count as seen after a few seconds in a visible tab.
  const top = (virtualizer.scrollOffset ?? 0) - scrollMargin;
  const firstOnScreen = Math.max(0, Math.ceil(top / height));
  const lastOnScreen = Math.floor((top + (virtualizer.scrollRect?.height ?? 0)) / height) - 1;
  const inSight = useMemo(
    () =>
      rows
        .slice(firstOnScreen, lastOnScreen + 1)
        .flatMap((row) =>
          row.kind === 'conversation' && unseen.has(row.conversation.id)
            ? [row.conversation.id]
            : [],
        )
        .join('\n'),
    [rows, unseen, firstOnScreen, lastOnScreen],
  );
  const tabVisible = useTabVisible();
  useEffect(() => {
    if (!inSight || !tabVisible || !onSeen) return;
    const timer = setTimeout(() => onSeen(inSight.split('\n')), SEEN_AFTER_MS);
    return () => clearTimeout(timer);
  }, [inSight, tabVisible, onSeen]);

  const offset = (items[0]?.start ?? 0) - virtualizer.options.scrollMargin;
  return (
    <div
      ref={attachList}
      className="relative overflow-hidden rounded-lg border border-line bg-surface"
      style={{ height: virtualizer.getTotalSize() }}
    >
      <ul
        aria-label={triageMessages().title}
        className="absolute inset-x-0 top-0"
        style={{ transform: `translateY(${offset}px)` }}
      >
        {items.map((item) => {
          const row = rows[item.index]!;
          return (
            <li
              key={item.key}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              className="overflow-hidden border-b border-line last:border-b-0"
              style={{ height }}
            >
              {row.kind === 'conversation' ? (
                <TriageRow
                  conversation={row.conversation}
                  index={item.index}
                  isNew={unseen.has(row.conversation.id)}
                  onOpen={onSeen && (() => onSeen([row.conversation.id]))}
                />
              ) : (
                <UnreadableRow raw={row.raw} />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function UnreadableRow({ raw }: { raw: unknown }) {
  const received = JSON.stringify(raw) ?? String(raw);
  return (
    <p className="px-4 py-2.5 text-xs text-amber-900 dark:text-amber-100">
      {triageMessages().unreadableRow}{' '}
      <code className="font-mono break-all">
        {received.length > 300 ? `${received.slice(0, 300)}…` : received}
      </code>
    </p>
  );
}
