/**
 * The signed-in agent's session, kept by the browser in one sealed cookie and by the server
 * nowhere: any number of copies behind a load balancer share nothing but the secret. It holds who
 * signed in and when, never the API key or the provider's tokens. It ends at an absolute lifetime
 * after sign-in, or sooner when unused for the idle time; each use moves the idle clock on.
 */
import type { Sealer } from './sealed-cookie.ts';

export const SESSION_COOKIE = 'viewer_session';
const PURPOSE = 'session';
// Reseal at most once a minute: the idle clock needs no finer grain than that.
const SEEN_GRANULARITY_SECONDS = 60;

export interface Identity {
  email: string;
  emailVerified: boolean;
  name: string | null;
}

export interface Session extends Identity {
  signedInAt: number;
  /** When the session was last used, in seconds. */
  seenAt: number;
  /** Its absolute end, in seconds. */
  expiresAt: number;
}

export type SessionProblem = 'none' | 'invalid' | 'expired' | 'idle';

export interface Sessions {
  /** A new session's sealed cookie value. */
  start: (identity: Identity) => Promise<{ session: Session; sealed: string }>;
  /** The session a cookie holds; `resealed` when its idle clock moved on. */
  read: (
    sealed: string | undefined,
  ) => Promise<{ session: Session; resealed?: string } | { problem: SessionProblem }>;
}

export function createSessions({
  sealer,
  lifetimeSeconds,
  idleSeconds,
  now = () => Math.floor(Date.now() / 1000),
}: {
  sealer: Sealer;
  lifetimeSeconds: number;
  idleSeconds: number;
  now?: () => number;
}): Sessions {
  const seal = (session: Session) =>
    sealer.seal(
      PURPOSE,
      {
        email: session.email,
        ev: session.emailVerified,
        name: session.name,
        iat: session.signedInAt,
        seen: session.seenAt,
      },
      session.expiresAt,
    );

  return {
    async start(identity) {
      const at = now();
      const session = { ...identity, signedInAt: at, seenAt: at, expiresAt: at + lifetimeSeconds };
      return { session, sealed: await seal(session) };
    },
    async read(sealed) {
      if (!sealed) return { problem: 'none' };
      const at = now();
      const opened = await sealer.open(PURPOSE, sealed, at);
      if ('problem' in opened) return opened;
      const { email, ev, name, iat, seen, exp } = opened.claims;
      if (
        typeof email !== 'string' ||
        typeof ev !== 'boolean' ||
        (name !== null && typeof name !== 'string') ||
        typeof iat !== 'number' ||
        typeof seen !== 'number' ||
        typeof exp !== 'number'
      ) {
        return { problem: 'invalid' };
      }
      if (at - seen > idleSeconds) return { problem: 'idle' };
      const session: Session = {
        email,
        emailVerified: ev,
        name,
        signedInAt: iat,
        seenAt: seen,
        expiresAt: exp,
      };
      if (at - seen < SEEN_GRANULARITY_SECONDS) return { session };
      const moved = { ...session, seenAt: at };
      return { session: moved, resealed: await seal(moved) };
    },
  };
}
