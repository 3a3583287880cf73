import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { polyfillModalDialog } from '@/testing/modal-dialog';
import { renderApp } from '@/testing/render-app';

beforeAll(polyfillModalDialog);

describe('keyboard shortcuts', () => {
  it('lists every shortcut in a dialog on ?', async () => {
    const { user } = renderApp('/');
    await screen.findByRole('heading', { name: 'Open a conversation' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(dialog)
      .getAllByRole('term')
      .map((term) => `${term.textContent} = ${term.nextElementSibling?.textContent}`);
    expect(rows).toEqual([
      'Show this list = ?',
      'Jump to a conversation = / or Ctrl+K or ⌘+K',
      'Go to the start page = g then h',
      'Refresh the conversation = r',
      'Copy the link to the conversation = c',
      'Mark as resolved = e',
      'Undo marking as resolved = z',
      'Mark as needing a human, or as unresolved = s then h or s then u',
      'Set the priority high, medium or low = p then h or p then m or p then l',
      'Switch the AI on or off = i',
      'Assign to me = a',
      'Write a note = n',
      'Reply to the customer = Shift+R',
      'Send the reply (in the reply box) = Ctrl+Enter or ⌘+Enter',
      'Next conversation = j',
      'Previous conversation = k',
      'Open the selected conversation = Enter',
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('opens the same list from the header button', async () => {
    const { user } = renderApp('/');
    await user.click(await screen.findByRole('button', { name: 'Keyboard shortcuts' }));
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  });

  it('goes home on g then h', async () => {
    const { user } = renderApp('/conversations/conv_abc123');
    await screen.findByRole('heading', { level: 1, name: 'Customer X support' });
    await user.keyboard('gh');
    expect(await screen.findByRole('heading', { name: 'Open a conversation' })).toBeVisible();
  });

  it('leaves keys typed in a text field alone', async () => {
    const { user } = renderApp('/conversations/conv_abc123');
    await screen.findByRole('heading', { level: 1, name: 'Customer X support' });
    // Opened and closed once first, so a wrongly opened list would show at once, not lazily.
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.type(screen.getByRole('combobox', { name: 'Jump to a conversation' }), '?gh');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Customer X support' })).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Jump to a conversation' })).toHaveValue('?gh');
  });
});
