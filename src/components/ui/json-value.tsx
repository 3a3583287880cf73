import { formatNumber } from '@/lib/format';

/** Any JSON value, readable: text as text, numbers formatted, structures indented. */
export function JsonValue({ value }: { value: unknown }) {
  if (value === null || value === undefined)
    return <span className="font-mono text-muted">null</span>;
  if (typeof value === 'string')
    return <span className="whitespace-pre-wrap break-words">{value}</span>;
  if (typeof value === 'number') return <span className="tabular-nums">{formatNumber(value)}</span>;
  if (typeof value === 'boolean') return <span className="font-mono">{String(value)}</span>;
  return (
    <pre className="max-h-60 overflow-auto rounded print:max-h-none print:overflow-visible bg-subtle px-2 py-1 font-mono text-xs whitespace-pre-wrap break-all">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
