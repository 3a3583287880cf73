import { formatDateTime, formatRelative, parseDate } from '@/lib/format';

/**
 * "3 days ago", with the exact local date-time on hover and for screen readers, or beside it
 * (`showExact`) where the exact time matters at a glance.
 */
export function RelativeTime({
  value,
  fallback,
  showExact = false,
}: {
  value: string | null;
  fallback: string;
  showExact?: boolean;
}) {
  const date = parseDate(value);
  if (!date) return <span>{fallback}</span>;
  const exact = formatDateTime(date);
  return (
    <time dateTime={date.toISOString()} title={exact}>
      {formatRelative(date)}
      <span className={showExact ? 'text-muted' : 'sr-only'}> ({exact})</span>
    </time>
  );
}
