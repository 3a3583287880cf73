import { DetailsList } from '@/components/ui/details-list';
import { JsonValue } from '@/components/ui/json-value';

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
    <DetailsList
      className={className}
      termClassName="font-mono break-all"
      // A null value is shown, as `null`: the key was sent.
      details={entries.map(([key, entry]) => [key, <JsonValue key={key} value={entry} />])}
    />
  );
}
