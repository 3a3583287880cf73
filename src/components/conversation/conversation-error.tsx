import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { AlertIcon, RefreshIcon } from '@/components/ui/icons';
import { ApiError, type ApiErrorKind } from '@/lib/api-client';
import { messages } from '@/lib/messages';
import { paths } from '@/config/paths';
import { errorMessages } from './error-messages';

const t = messages.errors;

/** Kinds where trying again right away can help. */
const retryable = new Set<ApiErrorKind>([
  'server',
  'timeout',
  'network',
  'rate-limited',
  'invalid-response',
  'unexpected-status',
]);

function useCountdown(seconds: number | undefined) {
  const [left, setLeft] = useState(seconds ?? 0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return left;
}

/** A specific message and a way forward for each kind of failure; never a blank page. */
export function ConversationError({
  id,
  error,
  onRetry,
}: {
  /** The conversation asked for; none for the list. */
  id?: string;
  error: Error;
  onRetry: () => void;
}) {
  const kind: ApiErrorKind = error instanceof ApiError ? error.kind : 'invalid-response';
  const status = error instanceof ApiError ? error.status : undefined;
  const text = errorMessages()[kind];
  const waitLeft = useCountdown(error instanceof ApiError ? error.retryAfterSeconds : undefined);

  return (
    <div role="alert" className="mx-auto max-w-xl rounded-lg border border-line bg-surface p-5">
      <title>{`${text.title} · ${messages.appName}`}</title>
      <h1 className="flex items-center gap-2 text-lg font-semibold">
        <AlertIcon className="size-5 shrink-0 text-red-600 dark:text-red-400" />
        {text.title}
      </h1>
      <p className="mt-2 text-sm text-muted">{text.body}</p>
      {kind === 'rate-limited' && waitLeft > 0 && (
        <p className="mt-1 text-sm text-muted">
          {errorMessages()['rate-limited'].waitSeconds(waitLeft)}
        </p>
      )}
      <p className="mt-3 text-sm">
        {id !== undefined && (
          <>
            <span className="text-muted">{messages.conversation.idLabel}: </span>
            <code className="font-mono break-all">{id}</code>
          </>
        )}
        {status !== undefined && (
          <span className="ml-2 text-xs text-muted">({t.status(status)})</span>
        )}
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        {retryable.has(kind) && (
          <button
            type="button"
            onClick={onRetry}
            disabled={waitLeft > 0}
            className="inline-flex items-center gap-1.5 rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-surface hover:opacity-90 disabled:opacity-50"
          >
            <RefreshIcon className="size-4" />
            {t.retry}
          </button>
        )}
        <Link
          to={paths.home.href()}
          className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-subtle"
        >
          {t.goHome}
        </Link>
      </div>
    </div>
  );
}
