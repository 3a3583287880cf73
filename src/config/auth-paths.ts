/**
 * Sign-in's addresses and words, shared by the app and the viewer's server: the server answers
 * `/auth/*`; the app draws the pages a person lands on around it. What every page needs is in
 * sign-in-links.ts.
 */
import { ACCOUNT_NOT_ALLOWED_PATH, LOGIN_PATH } from './sign-in-links.ts';

export const authPaths = {
  login: LOGIN_PATH,
  callback: '/auth/callback',
  logout: '/auth/logout',
  session: '/auth/session',
} as const;

/** The app's pages where sign-in leads when it does not lead back to where the agent was. */
export const accountPaths = {
  signedOut: '/signed-out',
  accountNotAllowed: ACCOUNT_NOT_ALLOWED_PATH,
  signInFailed: '/sign-in-failed',
} as const;

/** Why a sign-in did not end in a session; the app explains each. */
export const signInFailures = [
  'expired',
  'denied',
  'provider-unreachable',
  'failed',
  'no-email',
] as const;
export type SignInFailure = (typeof signInFailures)[number];

export const signInFailedHref = (reason: SignInFailure, returnTo: string) =>
  `${accountPaths.signInFailed}?reason=${reason}&returnTo=${encodeURIComponent(returnTo)}`;

/** What `GET /auth/session` answers. */
export type SessionAnswer =
  | { signIn: 'off' }
  | { signIn: 'required' }
  | {
      signIn: 'on';
      email: string;
      name: string | null;
      /** Seconds since the epoch. */
      expiresAt: number;
      /** Why this account reads nothing, or null when it may read. */
      refusal: 'email-not-verified' | 'account-not-allowed' | null;
    };
