/** Who is signed in (`GET /auth/session`), and signing out (`POST /auth/logout`). */
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { authPaths, type SessionAnswer } from '@/config/auth-paths';

const sessionAnswer = z.union([
  z.object({ signIn: z.literal('off') }),
  z.object({
    signIn: z.literal('on'),
    email: z.string(),
    name: z.nullable(z.string()),
    expiresAt: z.number(),
    refusal: z.nullable(z.enum(['email-not-verified', 'account-not-allowed'])),
  }),
]) satisfies z.ZodMiniType<SessionAnswer>;

const signedOut = z.object({ next: z.string() });

/** The JSON of an answer of the viewer's server, or an error naming what it answered. */
async function answerOf(response: Response, path: string): Promise<unknown> {
  if (!response.ok) throw new Error(`The viewer's server answered ${response.status} to ${path}`);
  return response.json();
}

async function fetchSession(): Promise<SessionAnswer> {
  const response = await fetch(authPaths.session, { headers: { accept: 'application/json' } });
  if (response.status === 401) return { signIn: 'required' };
  return sessionAnswer.parse(await answerOf(response, authPaths.session));
}

export function useSession() {
  return useQuery({ queryKey: ['auth-session'], queryFn: fetchSession, staleTime: 60_000 });
}

/**
 * Ends the session at the viewer's server, then leaves for where it says: the provider's own
 * sign-out when it has one (which comes back to the signed-out page), else that page.
 */
export async function signOut(): Promise<void> {
  const response = await fetch(authPaths.logout, {
    method: 'POST',
    headers: { accept: 'application/json' },
  });
  const { next } = signedOut.parse(await answerOf(response, authPaths.logout));
  window.location.assign(next);
}
