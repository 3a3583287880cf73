import { formatDateTime, formatRelative, parseDate } from '@/lib/format';

/** "3 days ago", with the exact local date-time on hover and for screen readers. */
export function RelativeTime({ value, fallback }: { value: string | null; fallback: string }) {
  const date = parseDate(value);
  if (!date) return <span>{fallback}</span>;
  const exact = formatDateTime(date);
  return (
    <time dateTime={date.toISOString()} title={exact}>
      {formatRelative(date)}
      <span className="sr-only"> ({exact})</span>
    </time>
  );
}
