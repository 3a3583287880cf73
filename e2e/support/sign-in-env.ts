/**
 * The identity provider the sign-in tests run (oidc-provider.ts) and the settings that point a
 * viewer at it. None of it is anyone's: the provider lets in any login and any password.
 */
export const oidcClientId = 'conversation-viewer';
export const oidcClientSecret = 'e2e-client-secret-3b9f0c1d';
export const sessionSecret = 'e2e-session-secret-of-at-least-32-characters';
/** A verified address at this domain may read; others are refused. */
export const allowedDomain = 'acme.test';

/** The provider of the e2e run (4190 would be simpler, but fetch refuses that port). */
export const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 4181);
export const issuerAt = (port: number) => `http://127.0.0.1:${port}`;
export const oidcIssuer = issuerAt(oidcPort);

/** The environment of a viewer that signs in at the test provider listening on `port`. */
export const signInEnvAt = (port: number) => ({
  VIEWER_OIDC_ISSUER: issuerAt(port),
  VIEWER_OIDC_CLIENT_ID: oidcClientId,
  VIEWER_OIDC_CLIENT_SECRET: oidcClientSecret,
  VIEWER_SESSION_SECRET: sessionSecret,
  VIEWER_ALLOWED_EMAIL_DOMAINS: allowedDomain,
});
