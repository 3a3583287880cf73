import { outlineButton } from '@/components/ui/button';
import { AlertIcon } from '@/components/ui/icons';
import { ApiError } from '@/lib/api-client';
import { actionsMessages } from '../actions-messages';

/** Why a write failed, in the agent's words: what the API or the network said. */
export function failureReason(error: unknown): string {
  const why = actionsMessages().why;
  if (!(error instanceof ApiError)) return why.network;
  switch (error.kind) {
    case 'network':
      return navigator.onLine ? why.network : why.offline;
    case 'forbidden':
    case 'not-found':
    case 'bad-request':
    case 'rate-limited':
    case 'server':
    case 'timeout':
      return why[error.kind];
    default:
      return error.status === 409 ? why.conflict : why.other(error.status ?? 0);
  }
}

/** A write that did not happen: what, why, and a way to try again. */
export function WriteFailure({
  what,
  error,
  onRetry,
  onDismiss,
}: {
  what: string;
  error: unknown;
  onRetry: () => void;
  onDismiss: () => void;
}) {
  const t = actionsMessages();
  return (
    <div
      role="alert"
      className="space-y-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-500/40 dark:bg-red-400/10 dark:text-red-100"
    >
      <p className="flex gap-1.5">
        <AlertIcon className="mt-0.5 size-4 shrink-0" />
        <span>
          {what}: {failureReason(error)}
        </span>
      </p>
      <div className="flex gap-2">
        <button type="button" className={outlineButton} onClick={onRetry}>
          {t.retry}
        </button>
        <button type="button" className={outlineButton} onClick={onDismiss}>
          {t.dismiss}
        </button>
      </div>
    </div>
  );
}
