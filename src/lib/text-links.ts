/**
 * The http(s) addresses in a message's plain text, as links: apart from links.ts, so only the
 * transcript, which loads on demand, carries it.
 */
import { httpHref } from './links';

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
