import { useState } from 'react';
import { cn } from '@/lib/cn';
import { accountMessages } from './account-messages';
import { signOut } from './sign-out';

/** Ends the session; says so when the viewer's server could not be reached. */
export function SignOutButton({ className }: { className?: string }) {
  const t = accountMessages();
  const [state, setState] = useState<'idle' | 'signing-out' | 'failed'>('idle');
  const leave = () => {
    setState('signing-out');
    signOut().catch(() => setState('failed'));
  };
  return (
    <>
      <button
        type="button"
        onClick={leave}
        disabled={state === 'signing-out'}
        className={cn(
          'rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:bg-subtle disabled:opacity-60',
          className,
        )}
      >
        {state === 'signing-out' ? t.signingOut : t.signOut}
      </button>
      {state === 'failed' && (
        <p role="alert" className="mt-2 text-xs text-red-700 dark:text-red-300">
          {t.signOutFailed}
        </p>
      )}
    </>
  );
}
