/**
 * What every page needs of sign-in (the API client follows the server's refusals with it): kept
 * apart from auth-paths.ts, whose rest loads only with sign-in's own pages.
 */
export const LOGIN_PATH = '/auth/login';
export const ACCOUNT_NOT_ALLOWED_PATH = '/account-not-allowed';

/**
 * Set by the viewer's server on a refusal of its own, never by the API behind it: `required`
 * with a 401 (sign in), `account-not-allowed` with a 403.
 */
export const SIGN_IN_HEADER = 'x-viewer-sign-in';

/** Sign-in, then back to `returnTo` (a path of the viewer's). */
export const signInHref = (returnTo: string) =>
  `${LOGIN_PATH}?returnTo=${encodeURIComponent(returnTo)}`;

/** The page that says why this account reads nothing, and how to switch. */
export const accountNotAllowedHref = (returnTo: string) =>
  `${ACCOUNT_NOT_ALLOWED_PATH}?returnTo=${encodeURIComponent(returnTo)}`;
