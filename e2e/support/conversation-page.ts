/** The parts of the conversation page that the action and reply tests look at, by role and name. */
import type { Page } from '@playwright/test';

/** The parts of the conversation page the tests look at. */
export function conversationPage(page: Page) {
  const main = page.getByRole('main');
  const actions = page.getByRole('region', { name: 'Actions' });
  const notes = page.getByRole('region', { name: 'Notes' });
  return {
    actions,
    notes,
    /** The header's badge, e.g. "Status: Resolved", "High priority", "AI off". */
    badge: (text: string) => main.getByText(text, { exact: true }),
    /** A status or priority toggle, e.g. "Resolved", "High". */
    button: (name: string) => actions.getByRole('button', { name, exact: true }),
    ai: actions.getByRole('switch', { name: 'AI replies' }),
    assignee: (name: string) => actions.getByText(name, { exact: true }),
    assignToMe: actions.getByRole('button', { name: 'Assign to me' }),
    unassign: actions.getByRole('button', { name: 'Unassign' }),
    noteBox: notes.getByRole('textbox', { name: 'Add a private note' }),
    addNote: notes.getByRole('button', { name: 'Add note' }),
    alert: actions.getByRole('alert'),
    toast: page.getByRole('status').filter({ hasText: 'Marked as resolved.' }),
    /** The transcript's messages, a scroll region of their own. */
    messages: page.getByRole('region', { name: 'Messages' }),
    replyBox: page.getByRole('textbox', { name: 'Reply to the customer' }),
    send: page.getByRole('button', { name: /^Send (on|to)/ }),
  };
}
