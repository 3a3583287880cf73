/** Route paths and the links that lead to them, in one place. */
export const paths = {
  home: { path: '/', href: () => '/' },
  conversations: { path: '/conversations', href: () => '/conversations' },
  conversation: {
    path: '/conversations/:id',
    // One path segment, whatever characters the id holds; the router decodes it back.
    href: (id: string) => `/conversations/${encodeURIComponent(id)}`,
  },
} as const;

const MAX_ID_LENGTH = 256;

export type ConversationIdProblem = 'empty' | 'too-long' | 'control-characters';

/** Why an id cannot be asked for, or null when it can. */
export function conversationIdProblem(id: string): ConversationIdProblem | null {
  if (id.trim() === '') return 'empty';
  if (id.length > MAX_ID_LENGTH) return 'too-long';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(id)) return 'control-characters';
  return null;
}
