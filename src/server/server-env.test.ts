// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readServerEnv, refusalToServe } from './server-env';

const serving = (env: Record<string, string>) => refusalToServe(readServerEnv(env));

describe('secure by default', () => {
  it('refuses to serve live data unless sign-in is said to be off', () => {
    expect(serving({ CHATVOLT_API_KEY: 'k' })).toMatch(/VIEWER_AUTH=off/);
    expect(serving({ CHATVOLT_API_KEY: 'k', VIEWER_AUTH: 'off' })).toBeNull();
  });

  it('serves demo data without a word, a key being absent or empty', () => {
    expect(serving({})).toBeNull();
    expect(serving({ CHATVOLT_API_KEY: '  ' })).toBeNull();
  });

  it('refuses a VIEWER_AUTH it does not know, rather than reading it as off', () => {
    expect(() => readServerEnv({ CHATVOLT_API_KEY: 'k', VIEWER_AUTH: 'false' })).toThrow(
      'VIEWER_AUTH must be "off" or unset, not "false"',
    );
  });
});

/** The key with sign-in fully set up, before any change a test makes. */
const signIn: Record<string, string> = {
  CHATVOLT_API_KEY: 'k',
  VIEWER_OIDC_ISSUER: 'https://idp.example.com',
  VIEWER_OIDC_CLIENT_ID: 'viewer',
  VIEWER_OIDC_CLIENT_SECRET: 'client-secret',
  VIEWER_SESSION_SECRET: 's'.repeat(32),
  VIEWER_ALLOWED_EMAIL_DOMAINS: 'acme.com',
};

/** The sign-in settings read from `signIn` with `changes`; an empty value removes a setting. */
function oidcWith(changes: Record<string, string>) {
  const oidc = readServerEnv({ ...signIn, ...changes }).oidc;
  if (!oidc) throw new Error('sign-in was not set up');
  return oidc;
}

const refusedWith = (changes: Record<string, string>) => () =>
  readServerEnv({ ...signIn, ...changes });

describe('sign-in settings', () => {
  it('serves live data once sign-in is fully set up', () => {
    expect(serving(signIn)).toBeNull();
    expect(oidcWith({})).toMatchObject({
      clientId: 'viewer',
      clientSecret: 'client-secret',
      allowedDomains: ['acme.com'],
      allowedEmails: [],
      publicOrigin: undefined,
    });
  });

  it('names both ways out when the key is set without sign-in', () => {
    const refusal = serving({ CHATVOLT_API_KEY: 'k' });

    expect(refusal).toContain('VIEWER_OIDC_ISSUER');
    expect(refusal).toContain('VIEWER_AUTH=off');
  });

  it('reads no sign-in when none of its settings is given', () => {
    expect(readServerEnv({ CHATVOLT_API_KEY: 'k' }).oidc).toBeUndefined();
  });

  it('refuses part of the settings, naming the ones missing', () => {
    const partial = refusedWith({ VIEWER_OIDC_CLIENT_SECRET: '', VIEWER_SESSION_SECRET: ' ' });

    expect(partial).toThrow(/needs .*VIEWER_OIDC_CLIENT_SECRET/);
    expect(partial).toThrow(/needs .*VIEWER_SESSION_SECRET/);
  });

  it('refuses an issuer given alone, naming the other three', () => {
    expect(() =>
      readServerEnv({ CHATVOLT_API_KEY: 'k', VIEWER_OIDC_ISSUER: 'https://idp.example.com' }),
    ).toThrow(/VIEWER_OIDC_CLIENT_ID.*VIEWER_OIDC_CLIENT_SECRET.*VIEWER_SESSION_SECRET/);
  });

  it('refuses VIEWER_AUTH=off together with sign-in settings', () => {
    expect(refusedWith({ VIEWER_AUTH: 'off' })).toThrow(/VIEWER_AUTH=off/);
    expect(() =>
      readServerEnv({ CHATVOLT_API_KEY: 'k', VIEWER_AUTH: 'off', VIEWER_OIDC_CLIENT_ID: 'viewer' }),
    ).toThrow(/VIEWER_AUTH=off/);
  });

  it('takes an https issuer', () => {
    expect(
      oidcWith({ VIEWER_OIDC_ISSUER: 'https://idp.example.com/realms/acme' }).issuer.href,
    ).toBe('https://idp.example.com/realms/acme');
  });

  it('takes a plain http issuer only on this machine', () => {
    expect(oidcWith({ VIEWER_OIDC_ISSUER: 'http://127.0.0.1:9000' }).issuer.origin).toBe(
      'http://127.0.0.1:9000',
    );
    expect(oidcWith({ VIEWER_OIDC_ISSUER: 'http://localhost:9000' }).issuer.origin).toBe(
      'http://localhost:9000',
    );
    expect(refusedWith({ VIEWER_OIDC_ISSUER: 'http://idp.example.com' })).toThrow(
      /VIEWER_OIDC_ISSUER must be an https URL/,
    );
    expect(refusedWith({ VIEWER_OIDC_ISSUER: 'http://localhost.evil.test' })).toThrow(
      /VIEWER_OIDC_ISSUER/,
    );
  });

  it('refuses an issuer that is no URL', () => {
    expect(refusedWith({ VIEWER_OIDC_ISSUER: 'idp.example.com' })).toThrow(/VIEWER_OIDC_ISSUER/);
  });

  it('refuses a session secret shorter than 32 characters', () => {
    expect(refusedWith({ VIEWER_SESSION_SECRET: 's'.repeat(31) })).toThrow(
      /VIEWER_SESSION_SECRET must be at least 32/,
    );
    expect(oidcWith({ VIEWER_SESSION_SECRET: 's'.repeat(32) }).sessionSecret).toBe('s'.repeat(32));
  });

  it('refuses sign-in that lets nobody in', () => {
    expect(refusedWith({ VIEWER_ALLOWED_EMAIL_DOMAINS: '' })).toThrow(
      /VIEWER_ALLOWED_EMAIL_DOMAINS/,
    );
    expect(refusedWith({ VIEWER_ALLOWED_EMAIL_DOMAINS: ' , ' })).toThrow(
      /VIEWER_ALLOWED_EMAIL_DOMAINS/,
    );
  });

  it('takes listed addresses alone, in lower case', () => {
    const oidc = oidcWith({
      VIEWER_ALLOWED_EMAIL_DOMAINS: '',
      VIEWER_ALLOWED_EMAILS: 'Guest@Partner.test, ana@other.test',
    });

    expect(oidc.allowedDomains).toEqual([]);
    expect(oidc.allowedEmails).toEqual(['guest@partner.test', 'ana@other.test']);
  });

  it('lower-cases the allowed domains and drops a leading @', () => {
    expect(
      oidcWith({ VIEWER_ALLOWED_EMAIL_DOMAINS: ' @Acme.COM , example.org,,' }).allowedDomains,
    ).toEqual(['acme.com', 'example.org']);
  });

  it('takes VIEWER_PUBLIC_URL as an origin', () => {
    expect(oidcWith({ VIEWER_PUBLIC_URL: 'https://viewer.example.com/' }).publicOrigin).toBe(
      'https://viewer.example.com',
    );
    expect(oidcWith({ VIEWER_PUBLIC_URL: 'http://localhost:5173' }).publicOrigin).toBe(
      'http://localhost:5173',
    );
  });

  it.each([
    ['a path', 'https://viewer.example.com/viewer'],
    ['a query', 'https://viewer.example.com/?x=1'],
    ['another scheme', 'ftp://viewer.example.com'],
    ['no URL at all', 'viewer.example.com'],
  ])('refuses a VIEWER_PUBLIC_URL with %s', (_, url) => {
    expect(refusedWith({ VIEWER_PUBLIC_URL: url })).toThrow(/VIEWER_PUBLIC_URL must be an origin/);
  });

  it('ends sessions after 12 hours, or 2 hours unused, unless told otherwise', () => {
    expect(oidcWith({})).toMatchObject({
      sessionLifetimeSeconds: 43_200,
      sessionIdleSeconds: 7_200,
    });
    expect(
      oidcWith({ VIEWER_SESSION_LIFETIME_MINUTES: '60', VIEWER_SESSION_IDLE_MINUTES: '15' }),
    ).toMatchObject({ sessionLifetimeSeconds: 3_600, sessionIdleSeconds: 900 });
  });

  it.each([
    ['VIEWER_SESSION_LIFETIME_MINUTES', '0'],
    ['VIEWER_SESSION_LIFETIME_MINUTES', 'abc'],
    ['VIEWER_SESSION_IDLE_MINUTES', '0'],
    ['VIEWER_SESSION_IDLE_MINUTES', 'abc'],
    ['VIEWER_SESSION_IDLE_MINUTES', '1.5'],
  ])('refuses %s="%s"', (name, raw) => {
    expect(refusedWith({ [name]: raw })).toThrow(`${name} must be a whole number of minutes`);
  });
});

describe('the viewer’s public origin', () => {
  const publicOrigin = (env: Record<string, string>) => readServerEnv(env).publicOrigin;

  it('is read without any sign-in settings, for the writes to be checked against', () => {
    expect(publicOrigin({ VIEWER_PUBLIC_URL: 'https://viewer.example.com' })).toBe(
      'https://viewer.example.com',
    );
    expect(
      publicOrigin({
        CHATVOLT_API_KEY: 'k',
        VIEWER_AUTH: 'off',
        VIEWER_PUBLIC_URL: 'https://viewer.example.com/',
      }),
    ).toBe('https://viewer.example.com');
  });

  it('is unset when VIEWER_PUBLIC_URL is absent or empty', () => {
    expect(publicOrigin({ CHATVOLT_API_KEY: 'k', VIEWER_AUTH: 'off' })).toBeUndefined();
    expect(publicOrigin({ VIEWER_PUBLIC_URL: '' })).toBeUndefined();
    expect(publicOrigin({ VIEWER_PUBLIC_URL: '  ' })).toBeUndefined();
  });

  it('is written as a browser writes an Origin: lower case, without a default port', () => {
    expect(publicOrigin({ VIEWER_PUBLIC_URL: ' https://Viewer.Example.COM:443/ ' })).toBe(
      'https://viewer.example.com',
    );
    expect(publicOrigin({ VIEWER_PUBLIC_URL: 'http://localhost:80' })).toBe('http://localhost');
    expect(publicOrigin({ VIEWER_PUBLIC_URL: 'http://localhost:5173' })).toBe(
      'http://localhost:5173',
    );
  });

  it('is the same one sign-in returns to', () => {
    const env = readServerEnv({ ...signIn, VIEWER_PUBLIC_URL: 'https://viewer.example.com' });

    expect(env.publicOrigin).toBe('https://viewer.example.com');
    expect(env.oidc?.publicOrigin).toBe(env.publicOrigin);
  });

  it.each([
    ['a path', 'https://viewer.example.com/viewer'],
    ['a query', 'https://viewer.example.com/?x=1'],
    ['another scheme', 'ftp://viewer.example.com'],
    ['no URL at all', 'viewer.example.com'],
  ])('refuses a VIEWER_PUBLIC_URL with %s, sign-in or not', (_, url) => {
    expect(() => readServerEnv({ VIEWER_PUBLIC_URL: url })).toThrow(
      /VIEWER_PUBLIC_URL must be an origin/,
    );
    expect(() =>
      readServerEnv({ CHATVOLT_API_KEY: 'k', VIEWER_AUTH: 'off', VIEWER_PUBLIC_URL: url }),
    ).toThrow(/VIEWER_PUBLIC_URL must be an origin/);
  });
});

describe('shared reads, the API’s load and stopping', () => {
  it('shares a read for 4 s in at most 64 MB, calls the API 8 at a time, and waits 25 s to stop, unless told otherwise', () => {
    expect(readServerEnv({})).toMatchObject({
      cacheTtlMs: 4_000,
      cacheMaxBytes: 64 * 1024 * 1024,
      apiMaxConcurrent: 8,
      shutdownGraceMs: 25_000,
    });
    expect(
      readServerEnv({
        VIEWER_CACHE_TTL_MS: '2000',
        VIEWER_CACHE_MAX_MB: '16',
        VIEWER_API_MAX_CONCURRENT: '3',
        VIEWER_SHUTDOWN_GRACE_MS: '5000',
      }),
    ).toMatchObject({
      cacheTtlMs: 2_000,
      cacheMaxBytes: 16 * 1024 * 1024,
      apiMaxConcurrent: 3,
      shutdownGraceMs: 5_000,
    });
  });

  it.each([
    ['VIEWER_CACHE_TTL_MS', 'soon', 'milliseconds'],
    ['VIEWER_CACHE_MAX_MB', '0', 'megabytes'],
    ['VIEWER_API_MAX_CONCURRENT', '-1', 'calls'],
    ['VIEWER_SHUTDOWN_GRACE_MS', '1.5', 'milliseconds'],
  ])('refuses %s="%s"', (name, raw, unit) => {
    expect(() => readServerEnv({ [name]: raw })).toThrow(
      `${name} must be a whole number of ${unit}`,
    );
  });
});
