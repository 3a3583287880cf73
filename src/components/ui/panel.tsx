import { useId, type ReactNode } from 'react';
import { formatNumber } from '@/lib/format';
import { messages } from '@/lib/messages';
import { AlertIcon } from './icons';

interface PanelProps {
  title: string;
  /** How many entries the panel holds; shown beside the title. */
  count?: number;
  /** Shown instead of the children when there is nothing to show. */
  empty?: string;
  /** Raw entries that could not be read: shown as received, under a notice. */
  unreadable?: unknown[];
  actions?: ReactNode;
  children?: ReactNode;
}

/** A titled region of the page: heading, count, content or a useful empty state. */
export function Panel({ title, count, empty, unreadable = [], actions, children }: PanelProps) {
  const headingId = useId();
  const isEmpty = count === 0 && unreadable.length === 0;
  return (
    <section
      aria-labelledby={headingId}
      className="min-w-0 rounded-lg border border-line bg-surface"
    >
      <div className="flex min-h-11 items-center gap-2 border-b border-line px-4 py-2">
        <h2 id={headingId} className="text-sm font-semibold">
          {title}
        </h2>
        {count !== undefined && (
          <span className="rounded-full bg-subtle px-1.5 text-xs tabular-nums text-muted">
            {formatNumber(count)}
          </span>
        )}
        {actions && <div className="ml-auto flex items-center gap-2">{actions}</div>}
      </div>
      {isEmpty && empty ? (
        <p className="px-4 py-3 text-sm text-muted">{empty}</p>
      ) : (
        // With nothing readable, the notice below stands alone: no empty box above it.
        count !== 0 && <div className="px-4 py-3 text-sm">{children}</div>
      )}
      {unreadable.length > 0 && <UnreadableNotice entries={unreadable} />}
    </section>
  );
}

const MAX_SHOWN_CHARACTERS = 4000;

function UnreadableNotice({ entries }: { entries: unknown[] }) {
  const received =
    JSON.stringify(entries.length === 1 ? entries[0] : entries, null, 2) ?? String(entries[0]);
  return (
    <div
      role="note"
      className="border-t border-amber-300 bg-amber-50 px-4 py-2 text-xs text-amber-950 dark:border-amber-500/40 dark:bg-amber-400/10 dark:text-amber-100"
    >
      <p className="flex items-center gap-1.5">
        <AlertIcon className="size-3.5 shrink-0" />
        {messages.unreadable(entries.length)}
      </p>
      {/* Focusable: a long entry scrolls, and the keyboard must be able to scroll it too. */}
      <pre
        tabIndex={0}
        className="mt-1.5 max-h-40 overflow-auto font-mono print:max-h-none print:overflow-visible whitespace-pre-wrap break-all"
      >
        {received.length > MAX_SHOWN_CHARACTERS
          ? `${received.slice(0, MAX_SHOWN_CHARACTERS)}…`
          : received}
      </pre>
    </div>
  );
}

/** A panel whose content failed to render: says so, under the panel's own title. */
export function BrokenPanel({ title }: { title: string }) {
  return (
    <Panel title={title}>
      <p role="note" className="flex items-center gap-1.5 text-amber-800 dark:text-amber-200">
        <AlertIcon className="size-3.5 shrink-0" />
        {messages.panelCrashed}
      </p>
    </Panel>
  );
}
