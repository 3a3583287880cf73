/**
 * Who is asking, and whether they may read: the viewer's one session check, asked by the `/api`
 * proxy and by the drawing of deep links, and the `/auth/*` routes around it. With sign-in set up
 * (oidc-sign-in.ts) it reads the session cookie; with sign-in off, or in demo mode, it admits
 * every request with no name.
 */
import { authPaths, type SessionAnswer } from '../../config/auth-paths.ts';
import { SIGN_IN_HEADER } from '../../config/sign-in-links.ts';
import type { AccessRefusal, Audit } from '../audit-log.ts';
import { sendJson } from '../send-json.ts';
import type { ServerEnv } from '../server-env.ts';
import { createOidcAccess } from './oidc-sign-in.ts';
import type { Access } from './visitor.ts';

/** A refused visitor's status: 401 to sign in, 403 when signing in cannot help. */
export const refusalStatus = (refusal: AccessRefusal) =>
  refusal === 'account-not-allowed' || refusal === 'email-not-verified' ? 403 : 401;

/** The headers that tell the app a refusal is the viewer's own, and which. */
export const refusalHeaders = (refusal: AccessRefusal) => ({
  [SIGN_IN_HEADER]: refusalStatus(refusal) === 403 ? 'account-not-allowed' : 'required',
});

/** Everyone is let in: sign-in is off (a proxy in front authenticates), or the data is the demo's. */
function openAccess(): Access {
  const answer: SessionAnswer = { signIn: 'off' };
  return {
    visitor: () => Promise.resolve({ admitted: true, user: null }),
    routes(request, response, next) {
      const path = (request.url ?? '/').split('?')[0]!;
      if (path === authPaths.session) return sendJson(response, 200, answer);
      if (path.startsWith('/auth/')) return sendJson(response, 404, { error: 'Sign-in is off' });
      next();
    },
  };
}

export function createAccess(env: ServerEnv, audit: Audit): Access {
  return env.oidc ? createOidcAccess(env.oidc, audit) : openAccess();
}
