import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { JsonValue } from '@/components/ui/json-value';
import { Panel } from '@/components/ui/panel';
import { messages } from '@/lib/messages';
import { usePrinting } from '@/lib/use-printing';
import { KeyValueRows, smallRecordEntries } from './key-value-rows';

const JsonTree = lazy(() =>
  import('@/components/ui/json-tree').then((module) => ({ default: module.JsonTree })),
);

function isEmptyMetadata(value: unknown) {
  if (value === null || value === undefined) return true;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** Free-form metadata, collapsed until asked for; printed in full. */
export function MetadataPanel({ metadata }: { metadata: unknown }) {
  const [open, setOpen] = useState(false);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  // Opened on a server-drawn page before the app took it over: its toggle came before onToggle.
  useEffect(() => {
    if (detailsRef.current?.open) setOpen(true);
  }, []);
  const printing = usePrinting();
  const empty = isEmptyMetadata(metadata);
  const count = empty
    ? 0
    : typeof metadata === 'object'
      ? Object.keys(metadata as object).length
      : 1;
  return (
    <Panel title={messages.panels.metadata} count={count} empty={messages.empty.metadata}>
      {/* A handful of plain keys reads at a glance; the JSON stays one click away. */}
      {smallRecordEntries(metadata) ? (
        <KeyValueRows value={metadata} className="mb-2" />
      ) : (
        printing && !empty && <JsonValue value={metadata} />
      )}
      <details
        ref={detailsRef}
        onToggle={(event) => setOpen(event.currentTarget.open)}
        className="print:hidden"
      >
        <summary className="cursor-pointer text-accent">{messages.metadata.show}</summary>
        {open && (
          <div className="mt-2 overflow-x-auto">
            <Suspense fallback={<p className="text-muted">…</p>}>
              <JsonTree value={metadata} />
            </Suspense>
          </div>
        )}
      </details>
    </Panel>
  );
}
