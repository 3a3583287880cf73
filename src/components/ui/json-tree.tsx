/** A collapsible view of any JSON value; loaded lazily, since few people open it. */
import { formatNumber } from '@/lib/format';

const MAX_DEPTH = 50;

function summary(value: object): string {
  return Array.isArray(value)
    ? `[${formatNumber(value.length)}]`
    : `{${formatNumber(Object.keys(value).length)}}`;
}

function Scalar({ value }: { value: unknown }) {
  if (typeof value === 'string')
    return <span className="text-emerald-700 dark:text-emerald-300 break-all">"{value}"</span>;
  if (typeof value === 'number')
    return <span className="text-sky-700 dark:text-sky-300">{String(value)}</span>;
  return <span className="text-purple-700 dark:text-purple-300">{String(value)}</span>;
}

function Node({ name, value, depth }: { name: string; value: unknown; depth: number }) {
  const label = <span className="text-muted">{name}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <li>
        {label}
        <Scalar value={value} />
      </li>
    );
  }
  if (depth >= MAX_DEPTH) {
    return (
      <li>
        {label}
        <span className="break-all">{JSON.stringify(value)}</span>
      </li>
    );
  }
  return (
    <li>
      <details open={depth < 2}>
        <summary className="cursor-pointer">
          {label}
          <span className="text-muted">{summary(value)}</span>
        </summary>
        <ul className="ml-4 border-l border-line pl-3">
          {Object.entries(value as Record<string, unknown>).map(([key, child]) => (
            <Node key={key} name={key} value={child} depth={depth + 1} />
          ))}
        </ul>
      </details>
    </li>
  );
}

export function JsonTree({ value }: { value: unknown }) {
  return (
    <ul className="font-mono text-xs leading-relaxed">
      <Node name="metadata" value={value} depth={0} />
    </ul>
  );
}
