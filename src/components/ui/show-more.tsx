import { useState } from 'react';
import { formatNumber } from '@/lib/format';
import { messages } from '@/lib/messages';
import { usePrinting } from '@/lib/use-printing';

/**
 * The first `pageSize` items, and a button for the next page: a conversation with thousands of
 * entries renders only what a person can read, so the tab never freezes. A printout gets them all.
 */
export function useShowMore<T>(items: T[], pageSize: number) {
  const [limit, setLimit] = useState(pageSize);
  const printing = usePrinting();
  const shown = items.length > limit && !printing ? items.slice(0, limit) : items;
  const more = (
    <ShowMoreButton
      left={items.length - shown.length}
      next={pageSize}
      onClick={() => setLimit(limit + pageSize)}
    />
  );
  return { shown, more };
}

function ShowMoreButton({
  left,
  next,
  onClick,
}: {
  left: number;
  next: number;
  onClick: () => void;
}) {
  if (left <= 0) return null;
  return (
    <button
      type="button"
      onClick={onClick}
      className="mt-2 rounded-md border border-line px-2.5 py-1 text-xs font-medium hover:bg-subtle"
    >
      {messages.showMore(formatNumber(Math.min(left, next)), formatNumber(left))}
    </button>
  );
}
