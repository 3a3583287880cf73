import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef } from 'react';
import { transcriptMessages } from '../transcript-messages';
import { usePrinting } from '@/lib/use-printing';
import type { TranscriptEntry } from '@/lib/transcript/transcript-schema';
import { TranscriptEntryView } from './transcript-entry';
import { transcriptFixedHeight, transcriptMaxHeight } from './transcript-skeleton';

const rowClassName = 'px-4 py-1.5';

/**
 * The messages, oldest at the top, in a scroll region of its own that opens on the newest. Only the
 * rows on screen are in the page, so a thousand messages scroll smoothly; rows are measured, since
 * a message may be one word or a page. Anchored to the end: earlier messages arriving above leave
 * the reader where they were, and new ones at the bottom are followed when the reader is there.
 * A printout gets every loaded message.
 */
export function TranscriptList({
  entries,
  operatorNames,
  fixedHeight = false,
}: {
  entries: TranscriptEntry[];
  operatorNames?: ReadonlyMap<string, string>;
  /** Keeps one height however many messages there are, so what is under it never moves. */
  fixedHeight?: boolean;
}) {
  const operatorOf = (entry: TranscriptEntry) =>
    (entry.kind === 'message' && entry.userId && operatorNames?.get(entry.userId)) || null;
  const scrollRef = useRef<HTMLDivElement>(null);
  const printing = usePrinting();
  // The virtualiser hands out fresh functions on purpose; the compiler leaves this component be.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 80,
    getItemKey: (index) => entries[index]!.key,
    overscan: 6,
    paddingStart: 8,
    paddingEnd: 8,
    anchorTo: 'end',
    followOnAppend: true,
  });

  // Opens on the newest message, once; later changes keep the reader's place.
  useLayoutEffect(() => virtualizer.scrollToEnd(), [virtualizer]);

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      role="region"
      aria-label={transcriptMessages().listLabel}
      // Focusable, so the keyboard can scroll it.
      tabIndex={0}
      className={`${fixedHeight ? transcriptFixedHeight : transcriptMaxHeight} overflow-y-auto overscroll-contain print:h-auto print:max-h-none print:overflow-visible`}
    >
      {printing ? (
        <ol className="py-2">
          {entries.map((entry) => (
            <li key={entry.key} className={rowClassName}>
              <TranscriptEntryView entry={entry} operatorName={operatorOf(entry)} />
            </li>
          ))}
        </ol>
      ) : (
        <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
          <ol
            className="absolute inset-x-0 top-0"
            style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}
          >
            {items.map((item) => (
              <li
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-setsize={entries.length}
                aria-posinset={item.index + 1}
                className={rowClassName}
              >
                <TranscriptEntryView
                  entry={entries[item.index]!}
                  operatorName={operatorOf(entries[item.index]!)}
                />
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
