/**
 * Sign-in's addresses and words, shared by the app and the viewer's server: the server answers
 * `/auth/*`; the app draws the pages a person lands on around it (paths.ts).
 */
export const authPaths = {
  login: '/auth/login',
  callback: '/auth/callback',
  logout: '/auth/logout',
  session: '/auth/session',
} as const;

/** The app's pages where sign-in leads when it does not lead back to where the agent was. */
export const accountPaths = {
  signedOut: '/signed-out',
  accountNotAllowed: '/account-not-allowed',
  signInFailed: '/sign-in-failed',
} as const;

export const accountNotAllowedHref = (returnTo: string) =>
  `${accountPaths.accountNotAllowed}?returnTo=${encodeURIComponent(returnTo)}`;

export const signInFailedHref = (reason: SignInFailure, returnTo: string) =>
  `${accountPaths.signInFailed}?reason=${reason}&returnTo=${encodeURIComponent(returnTo)}`;

/**
 * Set by the viewer's server on a refusal of its own, never by the API behind it: `required`
 * with a 401 (sign in), `account-not-allowed` with a 403.
 */
export const SIGN_IN_HEADER = 'x-viewer-sign-in';

/** Sign-in, then back to `returnTo` (a path of the viewer's). */
export const signInHref = (returnTo: string, { switchAccount = false } = {}) =>
  `${authPaths.login}?returnTo=${encodeURIComponent(returnTo)}${switchAccount ? '&switch=1' : ''}`;

/** Why a sign-in did not end in a session; the app explains each. */
export const signInFailures = [
  'expired',
  'denied',
  'provider-unreachable',
  'failed',
  'no-email',
] as const;
export type SignInFailure = (typeof signInFailures)[number];

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
