import { useId } from 'react';
import { isFrustrationInRange } from '@/lib/conversation/conversation-model';
import { formatNumber } from '@/lib/format';
import { messages } from '@/lib/messages';
import { cn } from '@/lib/cn';

type FrustrationLevel = 'calm' | 'mild' | 'high' | 'severe';

export function frustrationLevel(value: number): FrustrationLevel {
  if (value < 25) return 'calm';
  if (value < 50) return 'mild';
  if (value < 75) return 'high';
  return 'severe';
}

const levelColour: Record<FrustrationLevel, string> = {
  calm: 'fill-emerald-500',
  mild: 'fill-yellow-500',
  high: 'fill-orange-500',
  severe: 'fill-red-600',
};

/**
 * Frustration 0–100 as a meter, with the number and a level word beside it; `compact` (for
 * list rows) keeps the bar and the number, and leaves the words to screen readers. A value out
 * of range is said to be, with the number as received, in words alone: no bar, no level.
 */
export function FrustrationMeter({
  value,
  compact = false,
}: {
  value: number | null;
  compact?: boolean;
}) {
  const labelId = useId();
  if (value === null) {
    return (
      <span className="inline-flex items-center gap-1.5 text-xs text-muted">
        <span className={compact ? 'sr-only' : undefined}>{messages.frustration.label}: </span>
        {compact ? <span aria-hidden="true">—</span> : messages.frustration.none}
        {compact && <span className="sr-only">{messages.frustration.none}</span>}
      </span>
    );
  }
  if (!isFrustrationInRange(value)) {
    return (
      <span className="inline-flex items-center gap-1.5 text-xs text-muted">
        {/* Named even in a list row: without a bar, nothing else says what is out of range. */}
        <span>{messages.frustration.label}: </span>
        {messages.frustration.outOfRange(formatNumber(value))}
      </span>
    );
  }
  const level = messages.frustration[frustrationLevel(value)];
  return (
    <span className="inline-flex items-center gap-2 text-xs">
      <span id={labelId} className={compact ? 'sr-only' : 'text-muted'}>
        {messages.frustration.label}
      </span>
      <span
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${Math.round(value)} of 100, ${level}`}
        className={cn(
          'h-2 overflow-hidden rounded-full bg-subtle ring-1 ring-line',
          compact ? 'w-10' : 'w-20',
        )}
      >
        {/* An SVG width, not a style attribute: the policy blocks those in server-rendered markup. */}
        <svg className="block size-full" aria-hidden="true">
          <rect
            width={`${value}%`}
            height="100%"
            rx="4"
            className={levelColour[frustrationLevel(value)]}
          />
        </svg>
      </span>
      <span className="font-medium tabular-nums">
        {Math.round(value)}
        {!compact && ` · ${level}`}
      </span>
    </span>
  );
}
