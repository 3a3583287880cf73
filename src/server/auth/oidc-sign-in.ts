/**
 * Sign-in with the organization's OpenID provider (authorization code with PKCE, through
 * openid-client), and the sessions it leads to.
 *
 * - `GET /auth/login?returnTo=<path>` seals the flow's secrets into a short-lived cookie and sends
 *   the browser to the provider (`&switch=1` asks it to offer another account).
 * - `GET /auth/callback` checks the answer (state, nonce, PKCE, the ID token), asks who it is
 *   (UserInfo), starts a session and goes back to `returnTo`; an account outside the allowed list
 *   gets a session that reads nothing, so the app can say which account it was.
 * - `POST /auth/logout`, from the viewer's own pages only, ends the session and answers where the
 *   browser goes next: the provider's end-session endpoint when it has one.
 * - `GET /auth/session` says who is signed in.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as client from 'openid-client';
import { accountNotAllowedHref } from '../../config/sign-in-links.ts';
import {
  accountPaths,
  authPaths,
  signInFailedHref,
  type SessionAnswer,
  type SignInFailure,
} from '../../config/auth-paths.ts';
import type { AccessRefusal, Audit } from '../audit-log.ts';
import { readCookie, serverCookie } from '../cookies.ts';
import type { OidcSettings } from '../server-env.ts';
import { sendJson } from '../send-json.ts';
import type { Access, Visitor } from './visitor.ts';
import { accountRefusal } from './allowed-accounts.ts';
import { isFromViewerPage, viewerOrigin } from './request-origin.ts';
import { createSealer } from './sealed-cookie.ts';
import { createSessions, SESSION_COOKIE, type Identity, type SessionProblem } from './session.ts';

const FLOW_COOKIE = 'viewer_sign_in';
const FLOW_PURPOSE = 'sign-in';
// Time enough to type a password and pass a second factor.
const FLOW_SECONDS = 10 * 60;
const SCOPE = 'openid email profile';
const MAX_RETURN_TO = 2_000;
const DISCOVERY_TIMEOUT_SECONDS = 10;

const sessionRefusals: Record<Exclude<SessionProblem, 'none'>, AccessRefusal> = {
  invalid: 'session-invalid',
  expired: 'session-expired',
  idle: 'session-idle',
};

/**
 * A path of the viewer's to come back to, or `/`: nothing of another origin (`//host`, `/\host`),
 * no sign-in route (it would start over), nothing oversized.
 */
export function safeReturnTo(raw: string | null | undefined): string {
  if (!raw || raw.length > MAX_RETURN_TO || !raw.startsWith('/')) return '/';
  const base = 'http://viewer.invalid';
  const url = URL.parse(raw, base);
  if (!url || url.origin !== base || url.pathname.startsWith('/auth/')) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments resolved can leave `//host`, which a browser reads as another site.
  return /^\/[/\\]/.test(path) ? '/' : path;
}

/**
 * Whether the provider vouches for the address: `email_verified` as providers send it (a boolean,
 * or with some the string "true"); Microsoft Entra ID sends no such claim, but can be set up to
 * send `xms_edov` ("the domain's owner verified it") instead.
 */
function isVerified(claims: Record<string, unknown>): boolean {
  const verified = claims.email_verified ?? claims.xms_edov;
  return verified === true || verified === 'true';
}

export function createOidcAccess(settings: OidcSettings, audit: Audit): Access {
  const sealer = createSealer(settings.sessionSecret);
  const sessions = createSessions({
    sealer,
    lifetimeSeconds: settings.sessionLifetimeSeconds,
    idleSeconds: settings.sessionIdleSeconds,
  });
  const now = () => Math.floor(Date.now() / 1000);

  // Discovered on first use and kept; a failed discovery is tried again by the next sign-in.
  let discovered: Promise<client.Configuration> | undefined;
  const providerConfiguration = () => {
    discovered ??= client
      .discovery(
        settings.issuer,
        settings.clientId,
        undefined,
        // Every provider takes the secret in the Authorization header (the OpenID default).
        client.ClientSecretBasic(settings.clientSecret),
        {
          timeout: DISCOVERY_TIMEOUT_SECONDS,
          // Plain http only for a provider on this machine (server-env.ts allows no other).
          execute: settings.issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
        },
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  /** The session the request's cookie holds: the one place a request's cookie is opened. */
  const readSession = (request: IncomingMessage) =>
    sessions.read(readCookie(request, SESSION_COOKIE));
  const originOf = (request: IncomingMessage) => viewerOrigin(request, settings.publicOrigin);
  const isSecure = (request: IncomingMessage) => originOf(request).startsWith('https:');
  const sessionCookie = (request: IncomingMessage, value: string, maxAgeSeconds: number) =>
    serverCookie(SESSION_COOKIE, value, { maxAgeSeconds, secure: isSecure(request) });
  const flowCookie = (request: IncomingMessage, value: string, maxAgeSeconds: number) =>
    serverCookie(FLOW_COOKIE, value, {
      maxAgeSeconds,
      path: authPaths.callback,
      secure: isSecure(request),
    });

  const redirect = (response: ServerResponse, location: string, cookies: string[] = []) => {
    response.writeHead(303, { location, 'cache-control': 'no-store', 'set-cookie': cookies });
    response.end();
  };

  const failSignIn = (
    request: IncomingMessage,
    response: ServerResponse,
    failure: SignInFailure,
    returnTo: string,
    reason: string,
  ) => {
    audit({ event: 'sign-in-refused', user: null, reason });
    redirect(response, signInFailedHref(failure, returnTo), [flowCookie(request, '', 0)]);
  };

  async function login(request: IncomingMessage, response: ServerResponse, url: URL) {
    const returnTo = safeReturnTo(url.searchParams.get('returnTo'));
    let configuration: client.Configuration;
    try {
      configuration = await providerConfiguration();
    } catch (error) {
      console.error(
        `sign-in: the provider at ${settings.issuer.href} could not be asked: ${String(error)}`,
      );
      return failSignIn(
        request,
        response,
        'provider-unreachable',
        returnTo,
        'provider-unreachable',
      );
    }
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const parameters: Record<string, string> = {
      redirect_uri: `${originOf(request)}${authPaths.callback}`,
      scope: SCOPE,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    };
    // "Sign in with another account": the provider asks which one rather than reusing its session.
    if (url.searchParams.get('switch') === '1') {
      const supported = configuration.serverMetadata().prompt_values_supported;
      parameters.prompt =
        Array.isArray(supported) && supported.includes('select_account')
          ? 'select_account'
          : 'login';
    }
    const sealed = await sealer.seal(
      FLOW_PURPOSE,
      { verifier, state, nonce, returnTo },
      now() + FLOW_SECONDS,
    );
    const location = client.buildAuthorizationUrl(configuration, parameters).href;
    response.writeHead(302, {
      location,
      'cache-control': 'no-store',
      'set-cookie': flowCookie(request, sealed, FLOW_SECONDS),
    });
    response.end();
  }

  async function identify(
    configuration: client.Configuration,
    tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>,
  ): Promise<Identity | null> {
    const claims = tokens.claims();
    if (!claims) return null;
    // The ID token may leave e-mail and name to UserInfo (many providers do).
    const info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    const email = info.email ?? claims.email;
    if (typeof email !== 'string' || email === '') return null;
    const name = info.name ?? claims.name;
    return {
      email: email.toLowerCase(),
      emailVerified: isVerified({ ...claims, ...info }),
      name: typeof name === 'string' && name !== '' ? name : null,
    };
  }

  async function callback(request: IncomingMessage, response: ServerResponse, url: URL) {
    const opened = await sealer.open(FLOW_PURPOSE, readCookie(request, FLOW_COOKIE) ?? '', now());
    if ('problem' in opened) {
      return failSignIn(request, response, 'expired', '/', 'no-sign-in-under-way');
    }
    const flow = opened.claims as {
      verifier: string;
      state: string;
      nonce: string;
      returnTo: string;
    };
    const returnTo = safeReturnTo(flow.returnTo);
    const providerError = url.searchParams.get('error');
    if (providerError) {
      // The provider's own word, kept to its plain form for the log.
      const code = providerError.replace(/[^\w-]/g, '').slice(0, 40);
      const denied = code === 'access_denied' || code === 'login_required';
      return failSignIn(
        request,
        response,
        denied ? 'denied' : 'failed',
        returnTo,
        `provider:${code}`,
      );
    }
    let identity: Identity | null;
    try {
      const configuration = await providerConfiguration();
      const tokens = await client.authorizationCodeGrant(
        configuration,
        new URL(`${authPaths.callback}${url.search}`, originOf(request)),
        {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        },
      );
      identity = await identify(configuration, tokens);
    } catch (error) {
      // openid-client's errors name the check that failed, never a token.
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      console.error(`sign-in: the provider's answer was refused: ${detail}`);
      return failSignIn(request, response, 'failed', returnTo, 'answer-refused');
    }
    if (!identity) return failSignIn(request, response, 'no-email', returnTo, 'no-email');

    const { session, sealed } = await sessions.start(identity);
    const refusal = accountRefusal(identity, settings);
    audit(
      refusal
        ? { event: 'sign-in-refused', user: identity.email, reason: refusal }
        : { event: 'sign-in', user: identity.email },
    );
    redirect(response, refusal ? accountNotAllowedHref(returnTo) : returnTo, [
      flowCookie(request, '', 0),
      sessionCookie(request, sealed, session.expiresAt - now()),
    ]);
  }

  async function logout(request: IncomingMessage, response: ServerResponse) {
    const origin = originOf(request);
    if (!isFromViewerPage(request, origin)) {
      return sendJson(response, 403, { error: 'Sign out from the viewer’s own pages' });
    }
    const read = await readSession(request);
    audit({ event: 'sign-out', user: 'session' in read ? read.session.email : null });
    let next: string = accountPaths.signedOut;
    try {
      const configuration = await providerConfiguration();
      if (configuration.serverMetadata().end_session_endpoint) {
        next = client.buildEndSessionUrl(configuration, {
          post_logout_redirect_uri: `${origin}${accountPaths.signedOut}`,
        }).href;
      }
    } catch {
      // The provider is out of reach: the viewer's session ends all the same.
    }
    sendJson(response, 200, { next }, { 'set-cookie': sessionCookie(request, '', 0) });
  }

  async function visitor(request: IncomingMessage, response: ServerResponse): Promise<Visitor> {
    const read = await readSession(request);
    if ('problem' in read) {
      if (read.problem !== 'none') response.setHeader('set-cookie', sessionCookie(request, '', 0));
      return {
        admitted: false,
        user: null,
        refusal: read.problem === 'none' ? 'signed-out' : sessionRefusals[read.problem],
      };
    }
    const { session, resealed } = read;
    if (resealed) {
      response.setHeader('set-cookie', sessionCookie(request, resealed, session.expiresAt - now()));
    }
    const refusal = accountRefusal(session, settings);
    return refusal
      ? { admitted: false, user: session.email, refusal }
      : { admitted: true, user: session.email };
  }

  async function sessionAnswer(request: IncomingMessage, response: ServerResponse) {
    const read = await readSession(request);
    if ('problem' in read) return sendJson(response, 401, { signIn: 'required' });
    const { session } = read;
    const answer: SessionAnswer = {
      signIn: 'on',
      email: session.email,
      name: session.name,
      expiresAt: session.expiresAt,
      refusal: accountRefusal(session, settings),
    };
    sendJson(response, 200, answer);
  }

  return {
    visitor,
    routes(request, response, next) {
      const url = new URL(request.url ?? '/', 'http://viewer.invalid');
      if (!url.pathname.startsWith('/auth/')) return next();
      const method = request.method ?? 'GET';
      const route =
        url.pathname === authPaths.login && method === 'GET'
          ? () => login(request, response, url)
          : url.pathname === authPaths.callback && method === 'GET'
            ? () => callback(request, response, url)
            : url.pathname === authPaths.logout && method === 'POST'
              ? () => logout(request, response)
              : url.pathname === authPaths.session && method === 'GET'
                ? () => sessionAnswer(request, response)
                : null;
      if (!route) return sendJson(response, 404, { error: 'Not found' });
      route().catch((error: unknown) => {
        console.error(`sign-in: ${url.pathname} failed: ${String(error)}`);
        if (!response.headersSent) sendJson(response, 500, { error: 'Sign-in failed' });
      });
    },
  };
}
