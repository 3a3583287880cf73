import { useId } from 'react';
import { triageMessages } from '../triage-messages';
import type { NotifyState } from '../notifications';

/** The switch for the browser's notifications, and why they are off when the browser says no. */
export function NotificationSwitch({
  state,
  onToggle,
}: {
  state: NotifyState;
  onToggle: () => void;
}) {
  const t = triageMessages().notify;
  const hintId = useId();
  const on = state === 'on';
  const hint =
    state === 'unsupported'
      ? t.unsupported
      : state === 'denied'
        ? t.denied
        : state === 'dismissed'
          ? t.dismissed
          : null;
  return (
    <div className="min-w-0">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-describedby={hint ? hintId : undefined}
        disabled={state === 'unsupported'}
        onClick={onToggle}
        className="group flex items-center gap-2 rounded-md text-left text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-60"
      >
        <span
          aria-hidden="true"
          className={`inline-flex h-5 w-9 shrink-0 items-center rounded-full border-2 border-transparent transition-colors motion-reduce:transition-none ${on ? 'bg-accent' : 'bg-line'}`}
        >
          <span
            className={`size-4 rounded-full bg-surface shadow transition-transform motion-reduce:transition-none ${on ? 'translate-x-4' : 'translate-x-0'}`}
          />
        </span>
        {t.label}
      </button>
      {/* Always in the page, so what it comes to say is read out. */}
      <p id={hintId} role="status" className="mt-1 max-w-prose text-xs text-muted empty:hidden">
        {hint}
      </p>
    </div>
  );
}
