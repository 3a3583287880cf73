/** Who is signed in (`GET /auth/session`): for the account menu, and for "assign to me". */
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

/** The JSON of an answer of the viewer's server, or an error naming what it answered. */
export async function answerOf(response: Response, path: string): Promise<unknown> {
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
