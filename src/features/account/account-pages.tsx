/**
 * The pages sign-in leads to when it does not lead back to where the agent was: signed out, an
 * account the viewer does not let in, and a sign-in that did not finish. The viewer's server
 * sends people here (src/server/auth/oidc-sign-in.ts); they read nothing of any conversation.
 */
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { signInFailures, type SignInFailure } from '@/config/auth-paths';
import { signInHref } from '@/config/sign-in-links';
import { messages } from '@/lib/messages';
import { accountMessages } from './account-messages';
import { SignOutButton } from './sign-out-button';
import { useSession } from '@/lib/session';

const linkButton =
  'inline-flex items-center rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-surface hover:opacity-90';

function AccountPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-line bg-surface p-5">
      <title>{`${title} · ${messages.appName}`}</title>
      <h1 className="text-lg font-semibold">{title}</h1>
      {children}
    </div>
  );
}

/** Where sign-in should lead back to: the address the agent was at, as the server passed it on. */
function useReturnTo(): string {
  const returnTo = useSearchParams()[0].get('returnTo');
  return returnTo?.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
}

export function SignedOutPage() {
  const t = accountMessages();
  return (
    <AccountPage title={t.signedOut.title}>
      <p className="mt-2 text-sm text-muted">{t.signedOut.body}</p>
      <a href={signInHref('/')} className={`mt-4 ${linkButton}`}>
        {t.signInAgain}
      </a>
    </AccountPage>
  );
}

export function AccountNotAllowedPage() {
  const t = accountMessages();
  const session = useSession();
  const returnTo = useReturnTo();
  const account = session.data?.signIn === 'on' ? session.data : null;
  const allowed = account?.refusal === null;
  const navigate = useNavigate();
  // Let in after all (the list changed, or another account signed in since): on to the page.
  useEffect(() => {
    if (allowed) void navigate(returnTo, { replace: true });
  }, [allowed, navigate, returnTo]);
  if (allowed) return null;
  return (
    <AccountPage title={t.notAllowed.title}>
      {account ? (
        <>
          <p className="mt-2 text-sm">
            {t.notAllowed.account} <strong className="break-all">{account.email}</strong>
            {account.name && ` (${account.name})`}.
          </p>
          <p className="mt-2 text-sm text-muted">
            {account.refusal === 'email-not-verified'
              ? t.notAllowed.notVerified
              : t.notAllowed.body}
          </p>
          <p className="mt-2 text-sm text-muted">{t.notAllowed.howToSwitch}</p>
          <div className="mt-4 flex flex-wrap gap-2">
            <a href={`${signInHref(returnTo)}&switch=1`} className={linkButton}>
              {t.notAllowed.switchAccount}
            </a>
            <SignOutButton />
          </div>
        </>
      ) : (
        // Not signed in, or the viewer's server could not say: signing in is the way on.
        !session.isPending && (
          <>
            <p className="mt-2 text-sm text-muted">{t.notAllowed.notSignedIn}</p>
            <a href={signInHref(returnTo)} className={`mt-4 ${linkButton}`}>
              {t.signIn}
            </a>
          </>
        )
      )}
    </AccountPage>
  );
}

const isSignInFailure = (value: string | null): value is SignInFailure =>
  (signInFailures as readonly (string | null)[]).includes(value);

export function SignInFailedPage() {
  const t = accountMessages();
  const reason = useSearchParams()[0].get('reason');
  const returnTo = useReturnTo();
  return (
    <AccountPage title={t.failed.title}>
      <p className="mt-2 text-sm text-muted">
        {t.failed.reasons[isSignInFailure(reason) ? reason : 'failed']}
      </p>
      <a href={signInHref(returnTo)} className={`mt-4 ${linkButton}`}>
        {t.failed.tryAgain}
      </a>
    </AccountPage>
  );
}
