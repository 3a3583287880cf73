import { Component, type ReactNode } from 'react';
import { messages } from '@/lib/messages';

/** Catches render bugs so they show a message with a way out instead of a blank page. */
export class CrashBoundary extends Component<{ children: ReactNode }, { crashed: boolean }> {
  state = { crashed: false };

  static getDerivedStateFromError() {
    return { crashed: true };
  }

  render() {
    if (!this.state.crashed) return this.props.children;
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
            {messages.notFoundPage.goHome}
          </a>
        </div>
      </div>
    );
  }
}
