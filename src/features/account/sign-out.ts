/** Signing out (`POST /auth/logout`). */
import * as z from 'zod/mini';
import { authPaths } from '@/config/auth-paths';
import { answerOf } from '@/lib/session';

const signedOut = z.object({ next: z.string() });

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
