/** Reads a conversation id out of whatever an agent pastes: an id, a link, or text around one. */
import { conversationIdProblem, type ConversationIdProblem } from './paths';

export type ConversationInputProblem = ConversationIdProblem | 'no-id-in-link' | 'not-an-id';

export type ConversationInput = { id: string } | { problem: ConversationInputProblem };

// Query parameters that name a conversation in Chatvolt's dashboard links.
const idParameters = ['conversationid', 'conversation_id'];
// Path segments followed by the id: the viewer's `/conversations/:id`, the API's `/conversation/:id`.
const idSegments = ['conversations', 'conversation'];

const absoluteLink = /https?:\/\/[^\s<>"'`]+/gi;
// Punctuation that ends a sentence or wraps a link in text, never the end of an id.
const trailingPunctuation = /[.,;:!?'")\]}>]+$/;
const leadingPunctuation = /^['"(<[{]+/;
// "app.chatvolt.ai/…": a host name with a dot, then a path.
const schemelessLink = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?\//i;
// Only resolves relative links; never shown, never fetched.
const base = 'https://viewer.invalid';

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A badly encoded id ("50%off") is kept as it was written.
    return segment;
  }
}

/** The id a link points at, from its query, its path, or a `#/…` route; null when none. */
function idFromUrl(url: URL): string | null {
  for (const [name, value] of url.searchParams) {
    if (idParameters.includes(name.toLowerCase()) && value.trim()) return value.trim();
  }
  const segments = url.pathname.split('/');
  for (let index = segments.length - 2; index >= 0; index -= 1) {
    const next = segments[index + 1];
    if (idSegments.includes(segments[index]!.toLowerCase()) && next) return decodeSegment(next);
  }
  if (url.hash.startsWith('#/')) return idFromUrl(new URL(url.hash.slice(1), base));
  return null;
}

function toUrl(link: string): URL | null {
  const href = link.startsWith('/')
    ? link
    : schemelessLink.test(link)
      ? `https://${link}`
      : /^https?:\/\//i.test(link)
        ? link
        : `/${link}`;
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

function checked(id: string): ConversationInput {
  const problem = conversationIdProblem(id);
  return problem ? { problem } : { id };
}

/**
 * A bare id, a viewer link (absolute or relative, with any query or hash), a Chatvolt dashboard
 * link (`…/conversations/<id>` or `?conversationId=<id>`), or text with such a link in it.
 * Bare ids are taken as written: only ids inside links are percent-decoded.
 */
export function readConversationInput(input: string): ConversationInput {
  const text = input.trim();
  if (text === '') return { problem: 'empty' };
  const words = text.split(/\s+/);
  if (words.length === 1 && !text.includes('/')) return checked(text);

  const absolute = Array.from(text.matchAll(absoluteLink), ([link]) => link);
  // Absolute links first; then any word with a slash, such as `/conversations/<id>`.
  const candidates = [...absolute, ...words.filter((word) => word.includes('/'))];
  for (const candidate of candidates) {
    const url = toUrl(candidate.replace(leadingPunctuation, '').replace(trailingPunctuation, ''));
    const id = url && idFromUrl(url);
    if (id) return checked(id);
  }
  return { problem: absolute.length > 0 || words.length === 1 ? 'no-id-in-link' : 'not-an-id' };
}
