import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn';

/** A pill with a word in it; the caller's classes give it a tone. */
export function Badge({ className, ...props }: ComponentProps<'span'>) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap',
        className,
      )}
      {...props}
    />
  );
}

export const neutralTone = 'border-line bg-subtle text-muted';
