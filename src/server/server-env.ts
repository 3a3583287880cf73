/**
 * The server-side settings, read once for the dev and preview servers (vite.config.ts, which adds
 * `.env`) and the viewer's server of a deployment (viewer-server.ts). An empty value counts as unset;
 * none of them reaches the browser bundle.
 */
const DEFAULT_API_URL = 'https://api.chatvolt.ai';
const DEFAULT_UPSTREAM_TIMEOUT_MS = 15_000;
// Longer than the proxy's, so the proxy's own 504 reaches the browser before it gives up.
const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;
const DEFAULT_SESSION_LIFETIME_MINUTES = 12 * 60;
const DEFAULT_SESSION_IDLE_MINUTES = 2 * 60;
const MIN_SESSION_SECRET_LENGTH = 32;
/**
 * How long one answer of the API serves every agent's identical read: short enough that a
 * change elsewhere shows within seconds, long enough that fifty agents polling cost about one.
 */
const DEFAULT_CACHE_TTL_MS = 4_000;
const DEFAULT_CACHE_MAX_MEGABYTES = 64;
/** Calls in flight to the API at once, from one copy of the viewer's server. */
const DEFAULT_API_MAX_CONCURRENT = 8;
/** How long a copy told to stop (SIGTERM) waits for the requests it has before it ends them. */
const DEFAULT_SHUTDOWN_GRACE_MS = 25_000;

/** Sign-in through the organization's OpenID provider, and who may pass it. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Seals the session cookie; at least 32 characters. */
  sessionSecret: string;
  /** Lower case, without `@`: a verified e-mail at exactly one of these domains may sign in. */
  allowedDomains: string[];
  /** Lower case: these addresses may sign in too. */
  allowedEmails: string[];
  /** The origin the provider sends people back to, when it is not the request's own. */
  publicOrigin: string | undefined;
  sessionLifetimeSeconds: number;
  sessionIdleSeconds: number;
}

const OIDC_REQUIRED = [
  'VIEWER_OIDC_ISSUER',
  'VIEWER_OIDC_CLIENT_ID',
  'VIEWER_OIDC_CLIENT_SECRET',
  'VIEWER_SESSION_SECRET',
] as const;

const isLoopback = (hostname: string) =>
  hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);

const commaList = (raw: string | undefined) =>
  (raw ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);

export function readServerEnv(env: Record<string, string | undefined>) {
  const value = (name: string) => env[name]?.trim() || undefined;
  const wholeNumber = (name: string, fallback: number, unit: string, example: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < 1) {
      throw new Error(
        `${name} must be a whole number of ${unit}, such as ${example}, not "${raw}"`,
      );
    }
    return Number(raw);
  };
  const milliseconds = (name: string, fallback: number) =>
    wholeNumber(name, fallback, 'milliseconds', 15000);

  const viewerMode = value('VIEWER_MODE');
  if (viewerMode && viewerMode !== 'live' && viewerMode !== 'demo') {
    throw new Error(`VIEWER_MODE must be "live" or "demo", not "${viewerMode}"`);
  }
  const apiKey = value('CHATVOLT_API_KEY');
  const auth = value('VIEWER_AUTH');
  if (auth && auth !== 'off') {
    throw new Error(`VIEWER_AUTH must be "off" or unset, not "${auth}"`);
  }

  // Where the browser reaches the viewer: the origin sign-in returns to and writes must come from.
  const publicUrl = value('VIEWER_PUBLIC_URL');
  let publicOrigin: string | undefined;
  if (publicUrl) {
    const url = URL.parse(publicUrl);
    if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search) {
      throw new Error(
        `VIEWER_PUBLIC_URL must be an origin such as https://viewer.example.com, not "${publicUrl}"`,
      );
    }
    publicOrigin = url.origin;
  }

  const readOidc = (): OidcSettings | undefined => {
    const given = OIDC_REQUIRED.filter((name) => value(name) !== undefined);
    if (given.length === 0) return undefined;
    if (auth === 'off') {
      throw new Error(`VIEWER_AUTH=off and ${given.join(', ')} are both set: keep one of the two`);
    }
    const missing = OIDC_REQUIRED.filter((name) => value(name) === undefined);
    if (missing.length > 0) {
      throw new Error(`Sign-in needs ${missing.join(', ')} as well as ${given.join(', ')}`);
    }
    let issuer: URL;
    try {
      issuer = new URL(value('VIEWER_OIDC_ISSUER')!);
    } catch {
      throw new Error(`VIEWER_OIDC_ISSUER must be a URL, not "${value('VIEWER_OIDC_ISSUER')}"`);
    }
    if (
      issuer.protocol !== 'https:' &&
      !(issuer.protocol === 'http:' && isLoopback(issuer.hostname))
    ) {
      throw new Error(`VIEWER_OIDC_ISSUER must be an https URL, not "${issuer.href}"`);
    }
    const sessionSecret = value('VIEWER_SESSION_SECRET')!;
    if (sessionSecret.length < MIN_SESSION_SECRET_LENGTH) {
      throw new Error(
        `VIEWER_SESSION_SECRET must be at least ${MIN_SESSION_SECRET_LENGTH} characters ` +
          '(for example the output of `openssl rand -base64 48`)',
      );
    }
    const allowedDomains = commaList(value('VIEWER_ALLOWED_EMAIL_DOMAINS')).map((domain) =>
      domain.replace(/^@/, ''),
    );
    const allowedEmails = commaList(value('VIEWER_ALLOWED_EMAILS'));
    if (allowedDomains.length === 0 && allowedEmails.length === 0) {
      throw new Error(
        'Sign-in needs VIEWER_ALLOWED_EMAIL_DOMAINS (such as example.com) or VIEWER_ALLOWED_EMAILS: ' +
          'without them nobody may sign in',
      );
    }
    const minutes = (name: string, fallback: number) =>
      wholeNumber(name, fallback, 'minutes', fallback) * 60;
    return {
      issuer,
      clientId: value('VIEWER_OIDC_CLIENT_ID')!,
      clientSecret: value('VIEWER_OIDC_CLIENT_SECRET')!,
      sessionSecret,
      allowedDomains,
      allowedEmails,
      publicOrigin,
      sessionLifetimeSeconds: minutes(
        'VIEWER_SESSION_LIFETIME_MINUTES',
        DEFAULT_SESSION_LIFETIME_MINUTES,
      ),
      sessionIdleSeconds: minutes('VIEWER_SESSION_IDLE_MINUTES', DEFAULT_SESSION_IDLE_MINUTES),
    };
  };

  return {
    apiUrl: value('CHATVOLT_API_URL') ?? DEFAULT_API_URL,
    apiKey,
    timeoutMs: milliseconds('CHATVOLT_API_TIMEOUT_MS', DEFAULT_UPSTREAM_TIMEOUT_MS),
    requestTimeoutMs: milliseconds('VIEWER_REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS),
    /** How long a read's answer is shared (the shared reads of shared-reads.ts). */
    cacheTtlMs: milliseconds('VIEWER_CACHE_TTL_MS', DEFAULT_CACHE_TTL_MS),
    /** The most the shared reads may hold, in bytes. */
    cacheMaxBytes:
      wholeNumber('VIEWER_CACHE_MAX_MB', DEFAULT_CACHE_MAX_MEGABYTES, 'megabytes', 64) *
      1024 *
      1024,
    /** Calls in flight to the API at once; the rest wait their turn. */
    apiMaxConcurrent: wholeNumber(
      'VIEWER_API_MAX_CONCURRENT',
      DEFAULT_API_MAX_CONCURRENT,
      'calls',
      DEFAULT_API_MAX_CONCURRENT,
    ),
    shutdownGraceMs: milliseconds('VIEWER_SHUTDOWN_GRACE_MS', DEFAULT_SHUTDOWN_GRACE_MS),
    viewerMode: viewerMode ?? (apiKey ? 'live' : 'demo'),
    /** The origin the browser reaches the viewer at, when it is not the request's own. */
    publicOrigin,
    /** Sign-in explicitly off: a proxy in front already says who may read. */
    signInOff: auth === 'off',
    /** Sign-in through the organization's provider, when it is set up. */
    oidc: readOidc(),
  };
}

/**
 * Why a server that holds the key must not start, or null. Secure by default: with the key,
 * whoever reaches the viewer reads every conversation of the organization, so it serves only with
 * sign-in set up, or with sign-in said to be off (behind a proxy that already authenticates).
 */
export function refusalToServe({ apiKey, signInOff, oidc }: ServerEnv): string | null {
  if (!apiKey || signInOff || oidc) return null;
  return (
    'CHATVOLT_API_KEY is set, so this viewer would show the organization’s live conversations ' +
    'to whoever reaches it. Set up sign-in with VIEWER_OIDC_ISSUER, VIEWER_OIDC_CLIENT_ID, ' +
    'VIEWER_OIDC_CLIENT_SECRET, VIEWER_SESSION_SECRET and VIEWER_ALLOWED_EMAIL_DOMAINS (see the ' +
    'README), or, behind a proxy that already authenticates your people, set VIEWER_AUTH=off.'
  );
}

export type ServerEnv = ReturnType<typeof readServerEnv>;
