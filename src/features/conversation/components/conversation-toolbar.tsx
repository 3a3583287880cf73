import { useEffect, useRef, useState } from 'react';
import { outlineButton } from '@/components/ui/button';
import { CheckIcon, LinkIcon, RefreshIcon } from '@/components/ui/icons';
import { paths } from '@/config/paths';
import { writeToClipboard } from '@/lib/clipboard';
import { cn } from '@/lib/cn';
import { formatDateTime, formatRelative } from '@/lib/format';
import { messages } from '@/lib/messages';
import { useNow } from '@/lib/use-now';
import { useShortcut } from '@/lib/use-shortcut';

/** How often "Refreshed … ago" moves on. */
export const FRESHNESS_TICK_MS = 10_000;
const COPIED_NOTICE_MS = 2000;

/** When the viewer last fetched the data (not when the conversation last changed). */
function Freshness({ updatedAt, fetching }: { updatedAt: number; fetching: boolean }) {
  const now = useNow(FRESHNESS_TICK_MS);
  const date = new Date(updatedAt);
  return (
    // A line of its own on a phone, loaded or not: the buttons never jump to the next line.
    <p className="flex min-w-0 basis-full items-center gap-2 text-xs text-muted sm:basis-auto">
      {updatedAt > 0 && (
        <time dateTime={date.toISOString()} title={formatDateTime(date)}>
          {/* A fetch newer than the last tick is "now", never "in 2 seconds". */}
          {messages.freshness.loaded(formatRelative(date, Math.max(now, updatedAt)))}
        </time>
      )}
      {/* Always laid out, shown only while fetching: nothing moves when it comes and goes. */}
      {/* A class, not a style attribute: the policy blocks those in server-rendered markup. */}
      <span className={cn('inline-flex items-center gap-1', !fetching && 'invisible')}>
        <RefreshIcon className="size-3.5 animate-spin motion-reduce:animate-none" />
        {messages.conversation.refreshing}
      </span>
    </p>
  );
}

type CopyState = 'idle' | 'copied' | 'refused';

/** Copies the conversation's deep link; when the browser refuses, offers the link to copy by hand. */
function CopyLink({ id }: { id: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const fallbackRef = useRef<HTMLInputElement>(null);
  // Built when used: the server renders this button too, and knows no window.
  const link = () => new URL(paths.conversation.href(id), window.location.origin).href;
  const t = messages.freshness;

  const copy = () => {
    writeToClipboard(link()).then(
      () => setState('copied'),
      () => setState('refused'),
    );
  };
  useShortcut('c', copy);

  useEffect(() => {
    if (state === 'refused') fallbackRef.current?.focus();
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), COPIED_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <>
      <button type="button" onClick={copy} aria-keyshortcuts="c" className={outlineButton}>
        {state === 'copied' ? (
          <CheckIcon className="size-4 text-emerald-600 dark:text-emerald-400" />
        ) : (
          <LinkIcon className="size-4 text-muted" />
        )}
        {t.copyLink}
      </button>
      {/* In the page from the start, so screen readers announce what appears in it. */}
      <div
        role="status"
        className={cn(
          'fixed inset-x-3 bottom-4 z-40 mx-auto w-fit max-w-[calc(100vw-1.5rem)] rounded-md bg-ink px-3 py-2 text-sm text-surface shadow-lg',
          state === 'idle' && 'hidden',
        )}
      >
        {state === 'copied' && t.linkCopied}
        {state === 'refused' && (
          <label className="flex flex-wrap items-center gap-2">
            {t.copyRefused}
            <input
              ref={fallbackRef}
              readOnly
              value={link()}
              aria-label={t.linkLabel}
              onFocus={(event) => event.currentTarget.select()}
              onBlur={() => setState('idle')}
              className="h-8 w-72 max-w-full rounded border border-line bg-surface px-2 font-mono text-xs text-ink"
            />
          </label>
        )}
      </div>
    </>
  );
}

/**
 * Above the conversation: how fresh the data is, a Refresh button (`r`) and Copy link (`c`).
 */
export function ConversationToolbar({
  id,
  updatedAt,
  fetching,
  onRefresh,
}: {
  id: string;
  updatedAt: number;
  fetching: boolean;
  onRefresh: () => void;
}) {
  useShortcut('r', onRefresh);
  return (
    <div className="mb-3 flex min-h-8 flex-wrap items-center justify-between gap-2">
      <Freshness updatedAt={updatedAt} fetching={fetching} />
      <div className="flex items-center gap-2">
        <button type="button" onClick={onRefresh} aria-keyshortcuts="r" className={outlineButton}>
          <RefreshIcon className="size-4 text-muted" />
          {messages.freshness.refresh}
        </button>
        <CopyLink id={id} />
      </div>
    </div>
  );
}
