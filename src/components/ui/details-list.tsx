import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/** A few labelled facts, term beside value; a fact whose value is missing is left out. */
export function DetailsList({
  details,
  className,
  termClassName,
}: {
  details: [term: string, value: ReactNode][];
  className?: string;
  termClassName?: string;
}) {
  const shown = details.filter(
    ([, value]) => value !== null && value !== undefined && value !== false,
  );
  if (shown.length === 0) return null;
  return (
    <dl className={cn('grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-0.5', className)}>
      {shown.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className={cn('text-muted', termClassName)}>{term}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
