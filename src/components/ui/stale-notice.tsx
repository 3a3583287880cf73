import { cn } from '@/lib/cn';
import { messages } from '@/lib/messages';

/** Data kept on screen while a background refresh failed: a quiet notice, and Retry. */
export function StaleNotice({ onRetry, className }: { onRetry: () => void; className?: string }) {
  return (
    <p
      className={cn(
        'flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-500/40 dark:text-amber-100',
        className,
      )}
    >
      {messages.conversation.staleNotice}
      <button type="button" className="font-medium underline" onClick={onRetry}>
        {messages.errors.retry}
      </button>
    </p>
  );
}
