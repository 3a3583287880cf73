/** Who may read conversations: the one rule, asked at sign-in and on every request after it. */
import type { OidcSettings } from '../server-env.ts';
import type { Identity } from './session.ts';

export type AccountRefusal = 'email-not-verified' | 'account-not-allowed';

/** Why this account may not read conversations, or null when it may. */
export function accountRefusal(
  { email, emailVerified }: Identity,
  { allowedDomains, allowedEmails }: Pick<OidcSettings, 'allowedDomains' | 'allowedEmails'>,
): AccountRefusal | null {
  // An address the provider has not verified could be anyone's: no list lets it in.
  if (!emailVerified) return 'email-not-verified';
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 1) return 'account-not-allowed';
  // The domain exactly: acme.com lets in ana@acme.com, not ana@mail.acme.com or ana@notacme.com.
  const domain = address.slice(at + 1);
  if (allowedDomains.includes(domain) || allowedEmails.includes(address)) return null;
  return 'account-not-allowed';
}
