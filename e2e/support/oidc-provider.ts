/**
 * A real OpenID provider on 127.0.0.1 for the sign-in tests: `oidc-provider` with its own login
 * and consent pages. Any login is accepted with any password, and becomes the account's e-mail:
 * `ana@acme.test` signs in as Ana; a login that starts with `unverified.` has an e-mail the
 * provider did not verify; one that starts with `entra.` says so as Microsoft Entra ID does
 * (`xms_edov`, no `email_verified`). OIDC_VIEWER_ORIGINS (comma-separated) are the viewers it sends people
 * back to; OIDC_PORT is where it listens. It stops by itself after an hour at the latest.
 */
import { createServer } from 'node:http';
import Provider, { type Configuration } from 'oidc-provider';
import { issuerAt, oidcClientId, oidcClientSecret } from './sign-in-env.ts';

const port = Number(process.env.OIDC_PORT);
const issuer = issuerAt(port);
const viewers = (process.env.OIDC_VIEWER_ORIGINS ?? '').split(',').filter(Boolean);

/** "ana.souza@acme.test" → "Ana Souza". */
const nameOf = (email: string) =>
  (email.split('@')[0] ?? '')
    .replace(/^(unverified|entra)\./, '')
    .split(/[._-]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

const configuration: Configuration = {
  clients: [
    {
      client_id: oidcClientId,
      client_secret: oidcClientSecret,
      redirect_uris: viewers.map((origin) => `${origin}/auth/callback`),
      post_logout_redirect_uris: viewers.map((origin) => `${origin}/signed-out`),
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified', 'xms_edov'], profile: ['name'] },
  findAccount: (_context, id) => ({
    accountId: id,
    claims: () => ({
      sub: id,
      email: id.replace(/^(unverified|entra)\./, ''),
      ...(id.startsWith('entra.')
        ? { xms_edov: true }
        : { email_verified: !id.startsWith('unverified.') }),
      name: nameOf(id),
    }),
  }),
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ['e2e-provider-cookie-key-5e7a'] },
};

const provider = new Provider(issuer, configuration);
const handle = provider.callback();
createServer((request, response) => void handle(request, response)).listen(port, '127.0.0.1', () =>
  console.log(`test OpenID provider on ${issuer} for ${viewers.join(', ')}`),
);
setTimeout(() => process.exit(0), 60 * 60 * 1000).unref();
