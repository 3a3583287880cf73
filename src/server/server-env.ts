/**
 * The server-side settings, read once for the dev and preview servers (vite.config.ts, which adds
 * `.env`) and the viewer's server of a deployment (viewer-server.ts). An empty value counts as unset;
 * none of them reaches the browser bundle.
 */
const DEFAULT_API_URL = 'https://api.chatvolt.ai';
const DEFAULT_UPSTREAM_TIMEOUT_MS = 15_000;
// Longer than the proxy's, so the proxy's own 504 reaches the browser before it gives up.
const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

export function readServerEnv(env: Record<string, string | undefined>) {
  const value = (name: string) => env[name]?.trim() || undefined;
  const milliseconds = (name: string, fallback: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < 1) {
      throw new Error(
        `${name} must be a whole number of milliseconds, such as 15000, not "${raw}"`,
      );
    }
    return Number(raw);
  };
  const viewerMode = value('VIEWER_MODE');
  if (viewerMode && viewerMode !== 'live' && viewerMode !== 'demo') {
    throw new Error(`VIEWER_MODE must be "live" or "demo", not "${viewerMode}"`);
  }
  const apiKey = value('CHATVOLT_API_KEY');
  const auth = value('VIEWER_AUTH');
  if (auth && auth !== 'off') {
    throw new Error(`VIEWER_AUTH must be "off" or unset, not "${auth}"`);
  }
  return {
    apiUrl: value('CHATVOLT_API_URL') ?? DEFAULT_API_URL,
    apiKey,
    timeoutMs: milliseconds('CHATVOLT_API_TIMEOUT_MS', DEFAULT_UPSTREAM_TIMEOUT_MS),
    requestTimeoutMs: milliseconds('VIEWER_REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS),
    viewerMode: viewerMode ?? (apiKey ? 'live' : 'demo'),
    /** Sign-in explicitly off: a proxy in front already says who may read. */
    signInOff: auth === 'off',
  };
}

/**
 * Why a server that holds the key must not start, or null. Secure by default: with the key,
 * whoever reaches the viewer reads every conversation of the organization, so running it must be
 * said to be safe. The viewer has no sign-in of its own yet; until it does, that is VIEWER_AUTH=off
 * behind a proxy that already authenticates.
 */
export function refusalToServe({ apiKey, signInOff }: ServerEnv): string | null {
  if (!apiKey || signInOff) return null;
  return (
    'CHATVOLT_API_KEY is set, so this viewer shows the organization’s live conversations to ' +
    'whoever reaches it. It has no sign-in of its own yet: run it only behind a proxy that ' +
    'already authenticates your people, and say so with VIEWER_AUTH=off.'
  );
}

export type ServerEnv = ReturnType<typeof readServerEnv>;
