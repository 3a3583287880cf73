/** Safe link targets for untrusted text: only mailto:, tel: and http(s): ever become links. */

// Deliberately plain: enough to tell an address from free text such as "javascript:…".
const emailPattern = /^[^\s@:/<>"]+@[^\s@:/<>"]+\.[^\s@:/<>"]+$/;

export function mailtoHref(email: string): string | null {
  return emailPattern.test(email) ? `mailto:${email}` : null;
}

/** An http(s) address as a link target, normalised; anything else (other schemes, junk) is null. */
export function httpHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** An https address only: for what could be fetched, never a plain-http or other scheme. */
export function httpsHref(candidate: string): string | null {
  const href = httpHref(candidate);
  return href?.startsWith('https:') ? href : null;
}
