import type { ReactNode } from 'react';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { messages } from '@/lib/messages';

function CrashMessage() {
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-lg border border-line bg-surface p-5">
      <h1 className="text-lg font-semibold">{messages.crash.title}</h1>
      <p className="mt-2 text-sm text-muted">{messages.crash.body}</p>
      <div className="mt-4 flex gap-2">
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-surface"
        >
          {messages.crash.reload}
        </button>
        <a href="/" className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-subtle">
          {messages.goHome}
        </a>
      </div>
    </div>
  );
}

/** Catches render bugs of a whole page: a message with a way out instead of a blank page. */
export function CrashBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary fallback={<CrashMessage />}>{children}</ErrorBoundary>;
}
