import { useEffect, useState } from 'react';
import { writeToClipboard } from '@/lib/clipboard';
import { cn } from '@/lib/cn';
import { messages } from '@/lib/messages';
import { CheckIcon, CopyIcon } from './icons';

type CopyState = 'idle' | 'copied' | 'failed';

/** An icon button that copies `value`; its accessible name says what it copies. */
export function CopyButton({
  value,
  label,
  className,
}: {
  value: string;
  label: string;
  className?: string;
}) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <button
      type="button"
      aria-label={messages.copy.copy(label)}
      title={messages.copy.copy(label)}
      onClick={() => {
        writeToClipboard(value).then(
          () => setState('copied'),
          () => setState('failed'),
        );
      }}
      className={cn(
        'inline-flex size-7 shrink-0 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-ink focus-visible:outline-2 focus-visible:outline-accent',
        className,
      )}
    >
      {state === 'copied' ? (
        <CheckIcon className="size-3.5 text-emerald-600 dark:text-emerald-400" />
      ) : (
        <CopyIcon className="size-3.5" />
      )}
      <span role="status" className="sr-only">
        {state === 'copied' ? messages.copy.copied : state === 'failed' ? messages.copy.failed : ''}
      </span>
    </button>
  );
}
