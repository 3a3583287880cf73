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

export type TextPart =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Starts at a word boundary, so "xhttp://…" stays text; stops at spaces, quotes and angle brackets,
// so markup around an address never becomes part of it.
const addressPattern = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const trailingPunctuation = '.,;:!?\'")]}*_~';

/** Drops sentence punctuation after an address; a closing parenthesis only when it has no match. */
function trimAddress(address: string): string {
  let end = address.length;
  while (end > 0 && trailingPunctuation.includes(address[end - 1]!)) {
    if (address[end - 1] === ')') {
      const kept = address.slice(0, end);
      if (kept.split('(').length >= kept.split(')').length) break;
    }
    end -= 1;
  }
  return address.slice(0, end);
}

/** Plain text as text and http(s) links, in order: what a message shows, never parsed as markup. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let textStart = 0;
  for (const match of text.matchAll(addressPattern)) {
    const address = trimAddress(match[0]);
    const href = httpHref(address);
    if (!href) continue;
    if (match.index > textStart)
      parts.push({ kind: 'text', text: text.slice(textStart, match.index) });
    parts.push({ kind: 'link', text: address, href });
    textStart = match.index + address.length;
  }
  if (textStart < text.length) parts.push({ kind: 'text', text: text.slice(textStart) });
  return parts;
}
