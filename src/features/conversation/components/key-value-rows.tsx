import { JsonValue } from '@/components/ui/json-value';
import { cn } from '@/lib/cn';

/** Past this many keys, a record reads better as JSON than as rows. */
const MAX_ROWS = 12;

type Scalar = string | number | boolean | null;

const isScalar = (value: unknown): value is Scalar =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** A small record of scalars (a handful of keys, no nesting) as its entries; anything else null. */
export function smallRecordEntries(value: unknown): [string, Scalar][] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  if (entries.length === 0 || entries.length > MAX_ROWS) return null;
  return entries.every(([, entry]) => isScalar(entry)) ? (entries as [string, Scalar][]) : null;
}

/** Free-form JSON: a small record of scalars as key/value rows, anything else as JSON. */
export function KeyValueRows({ value, className }: { value: unknown; className?: string }) {
  if (value === null || value === undefined) return null;
  const entries = smallRecordEntries(value);
  if (!entries) return <JsonValue value={value} />;
  return (
    <dl className={cn('grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-0.5', className)}>
      {entries.map(([key, entry]) => (
        <div key={key} className="contents">
          <dt className="font-mono text-muted break-all">{key}</dt>
          <dd className="min-w-0">
            <JsonValue value={entry} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
