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
import { ArrowDownIcon, ArrowUpIcon } from '@/components/ui/icons';
import { messages } from '@/lib/messages';
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

/** A row's identity across refreshes: its conversation's id (unreadable rows come last). */
const rowKey = (row: ListRow, index: number) =>
  row.kind === 'conversation' ? row.conversation.id : `unreadable:${index}`;
const rowTitle = (row: ListRow | undefined) =>
  row?.kind === 'conversation'
    ? (row.conversation.title ?? messages.conversation.untitled)
    : triageMessages().unreadableRow;

/** The selected row, and how the keyboard's focus follows it. */
interface Selection {
  key: string;
  /** `scroll`: the agent moved (j/k, "N new"); `if-lost`: its row left, focus only if it was there. */
  focus: 'scroll' | 'if-lost';
}

/** The row that takes a departed one's place: the next one still listed, else the one before. */
function nearestRemaining(before: ListRow[], index: number, present: Map<string, number>) {
  for (let after = index + 1; after < before.length; after += 1) {
    const key = rowKey(before[after]!, after);
    if (present.has(key)) return key;
  }
  for (let earlier = index - 1; earlier >= 0; earlier -= 1) {
    const key = rowKey(before[earlier]!, earlier);
    if (present.has(key)) return key;
  }
  return null;
}

const subscribeToVisibility = (onChange: () => void) => {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
};
const useTabVisible = () =>
  useSyncExternalStore(subscribeToVisibility, () => document.visibilityState === 'visible');

/**
 * The rows, windowed: only those on screen are in the page, so thousands of conversations scroll and
 * filter smoothly. `j`/`k` move between rows, Enter opens; the scroll position comes back with
 * Back, since each history entry keeps its own. When a refresh adds, removes or moves rows, the
 * agent's place holds: the selection stays on its conversation, the rows they read stay where
 * they are, and rows that came in out of sight are offered by a "N new" button.
 */
export function TriageList({
  rows,
  onEndReached,
  viewKey,
  placeKey = '',
  unseen = noIds,
  onSeen,
}: {
  rows: ListRow[];
  /** Called when the last rows come on screen, for views that load a page at a time. */
  onEndReached?: () => void;
  /** The order and the search: when they change, the rows change on the agent's request. */
  viewKey: string;
  /**
   * Rows that change keep the agent's place while this stays the same (a refresh); not when it
   * changes (a page the agent asked for), nor while null (a walk bringing the first rows).
   */
  placeKey?: string | null;
  /** Ids of conversations that came in while the agent watched, not seen yet. */
  unseen?: ReadonlySet<string>;
  onSeen?: (ids: readonly string[]) => void;
}) {
  const t = triageMessages();
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
  const [height] = useState(rowHeight);
  const indexOf = useMemo(
    () => new Map(rows.map((row, index) => [rowKey(row, index), index])),
    [rows],
  );
  const getItemKey = useCallback((index: number) => rowKey(rows[index]!, index), [rows]);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => height,
    getItemKey,
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

  const [selection, setSelection] = useState<Selection | null>(null);
  const move = (step: number) =>
    setSelection((current) => {
      if (rows.length === 0) return current;
      const at = current ? indexOf.get(current.key) : undefined;
      const next = at === undefined ? 0 : Math.min(rows.length - 1, Math.max(0, at + step));
      return { key: rowKey(rows[next]!, next), focus: 'scroll' };
    });
  useShortcut('j', () => move(1));
  useShortcut('k', () => move(-1));

  // The selected conversation left (resolved elsewhere): its nearest neighbour is selected.
  const [shown, setShown] = useState({ rows, viewKey, indexOf });
  const [departure, setDeparture] = useState('');
  if (shown.rows !== rows) {
    setShown({ rows, viewKey, indexOf });
    const at = selection ? shown.indexOf.get(selection.key) : undefined;
    if (shown.viewKey === viewKey && at !== undefined && !indexOf.has(selection!.key)) {
      const next = nearestRemaining(shown.rows, at, indexOf);
      setSelection(next === null ? null : { key: next, focus: 'if-lost' });
      setDeparture(
        t.selectionLeft(
          rowTitle(shown.rows[at]),
          next === null ? null : rowTitle(rows[indexOf.get(next)!]),
        ),
      );
    }
  }

  const latestIndexOf = useRef(indexOf);
  useLayoutEffect(() => {
    latestIndexOf.current = indexOf;
  });
  useEffect(() => {
    const index = selection && latestIndexOf.current.get(selection.key);
    if (index === undefined || index === null) return;
    const focused = document.activeElement;
    // A departed row's focus went nowhere: it comes to its neighbour. Anywhere else, it stays.
    if (selection!.focus === 'if-lost' && focused && focused !== document.body) return;
    if (selection!.focus === 'scroll') virtualizer.scrollToIndex(index, { align: 'auto' });
    // The row may only exist after the scroll has rendered it.
    const frame = requestAnimationFrame(() =>
      listRef.current
        ?.querySelector<HTMLElement>(`[data-row-index="${index}"]`)
        ?.focus({ preventScroll: selection!.focus !== 'scroll' }),
    );
    return () => cancelAnimationFrame(frame);
  }, [selection, virtualizer]);

  // The pointer's height in the window, while over the list: the row under it must not change.
  const pointerY = useRef<number | null>(null);
  const placed = useRef({ rows, viewKey, placeKey, indexOf });
  // Rows added, removed or moved above the agent's place would push what they read: the window
  // scrolls by as much, before the browser paints, so the row they hold stays where it was.
  useLayoutEffect(() => {
    const before = placed.current;
    placed.current = { rows, viewKey, placeKey, indexOf };
    if (before.rows === rows || before.rows.length === 0) return;
    if (before.viewKey !== viewKey || placeKey === null || before.placeKey !== placeKey) return;
    const top = window.scrollY - scrollMargin; // the window's top, in the list's coordinates
    const onScreen = (index: number) =>
      index * height >= top && (index + 1) * height <= top + window.innerHeight;
    const selected = selection ? before.indexOf.get(selection.key) : undefined;
    const focusInList = listRef.current?.contains(document.activeElement) ?? false;
    const pointed =
      pointerY.current === null ? undefined : Math.floor((top + pointerY.current) / height);
    const anchor =
      selected !== undefined && focusInList && onScreen(selected)
        ? selected
        : pointed !== undefined && pointed >= 0 && pointed < before.rows.length
          ? pointed
          : Math.min(before.rows.length - 1, Math.max(0, Math.ceil(top / height)));
    const anchorKey = rowKey(before.rows[anchor]!, anchor);
    const held = indexOf.has(anchorKey)
      ? anchorKey
      : nearestRemaining(before.rows, anchor, indexOf);
    const now = held === null ? undefined : indexOf.get(held);
    if (now === undefined || now === anchor) return;
    window.scrollTo({
      top: Math.max(0, window.scrollY + (now - anchor) * height),
      behavior: 'instant',
    });
  }, [rows, viewKey, placeKey, indexOf, scrollMargin, height, selection]);

  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (onEndReached && lastShown >= rows.length - END_REACHED_ROWS) onEndReached();
  }, [onEndReached, lastShown, rows.length]);

  // New rows fully on screen, and those out of sight above or below.
  const top = (virtualizer.scrollOffset ?? 0) - scrollMargin;
  const firstOnScreen = Math.max(0, Math.ceil(top / height));
  const lastOnScreen = Math.floor((top + (virtualizer.scrollRect?.height ?? 0)) / height) - 1;
  const newRows = useMemo(
    () =>
      [...unseen]
        .map((id) => indexOf.get(id))
        .filter((index) => index !== undefined)
        .sort((a, b) => a - b),
    [unseen, indexOf],
  );
  const outOfSight = newRows.filter((index) => index < firstOnScreen || index > lastOnScreen);
  const inSight = newRows
    .filter((index) => index >= firstOnScreen && index <= lastOnScreen)
    .map((index) => rowKey(rows[index]!, index))
    .join('\n');
  const tabVisible = useTabVisible();
  useEffect(() => {
    if (!inSight || !tabVisible || !onSeen) return;
    const timer = setTimeout(() => onSeen(inSight.split('\n')), SEEN_AFTER_MS);
    return () => clearTimeout(timer);
  }, [inSight, tabVisible, onSeen]);

  const offset = (items[0]?.start ?? 0) - virtualizer.options.scrollMargin;
  const firstOutOfSight = outOfSight[0];
  return (
    // One block for the page's spacing: what comes and goes inside it takes no room.
    <div>
      <p role="status" className="sr-only">
        {departure}
      </p>
      {firstOutOfSight !== undefined && (
        // No height of its own: showing it moves nothing.
        <div className="sticky top-2 z-10 flex h-0 items-start justify-center">
          <button
            type="button"
            aria-label={t.showNewRows(outOfSight.length)}
            onClick={() =>
              setSelection({
                key: rowKey(rows[firstOutOfSight]!, firstOutOfSight),
                focus: 'scroll',
              })
            }
            className="mt-1.5 flex items-center gap-1 rounded-full bg-accent px-3 py-1 text-sm font-medium text-surface shadow-md hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          >
            {firstOutOfSight < firstOnScreen ? (
              <ArrowUpIcon className="size-4" />
            ) : (
              <ArrowDownIcon className="size-4" />
            )}
            {t.newRows(outOfSight.length)}
          </button>
        </div>
      )}
      <div
        ref={attachList}
        onPointerMove={(event) => (pointerY.current = event.clientY)}
        onPointerLeave={() => (pointerY.current = null)}
        className="relative overflow-hidden rounded-lg border border-line bg-surface"
        style={{ height: virtualizer.getTotalSize() }}
      >
        <ul
          aria-label={t.title}
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
