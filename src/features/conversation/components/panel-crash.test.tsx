import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';

// A panel whose render throws, as a bug in one panel would.
vi.mock('./tags-panel', () => ({
  TagsPanel: () => {
    throw new Error('tags panel bug');
  },
}));

describe('a panel that crashes', () => {
  it('shows a notice in its place while the rest of the page stays usable', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the caught error
    const { user } = renderApp('/conversations/conv_abc123');

    const tags = await screen.findByRole('region', { name: 'Tags' });
    expect(within(tags).getByRole('note')).toHaveTextContent('This part could not be shown');
    expect(screen.getByRole('heading', { level: 1, name: 'Customer X support' })).toBeVisible();
    expect(
      within(screen.getByRole('region', { name: 'Contacts' })).getByText('John'),
    ).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Copy conversation id' }));
    expect(await navigator.clipboard.readText()).toBe('conv_abc123');
  });
});
