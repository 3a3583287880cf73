import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { RECENTS_KEY } from '@/lib/recents/recents-store';

const recentList = () => screen.findByRole('region', { name: 'Recent conversations' });
/** What each entry's link starts with: its title. */
const titles = (region: HTMLElement) =>
  within(region)
    .getAllByRole('link')
    .map((link) => link.textContent.split('conv_')[0]);

describe('recent conversations on the start page', () => {
  it('lists the conversations opened last, newest first, each removable, or all at once', async () => {
    const { user, navigate } = renderApp('/conversations/conv_abc123');
    await screen.findByRole('heading', { level: 1, name: 'Customer X support' });
    await navigate('/conversations/conv_tg_5512');
    await screen.findByRole('heading', { level: 1, name: 'Cobrança duplicada no cartão' });
    await navigate('/');

    const recents = await recentList();
    expect(titles(recents)).toEqual(['Cobrança duplicada no cartão', 'Customer X support']);
    expect(within(recents).getAllByText('Unresolved')[0]).toBeVisible();

    await user.click(
      within(recents).getByRole('button', {
        name: 'Remove “Cobrança duplicada no cartão” from recent conversations',
      }),
    );
    expect(titles(recents)).toEqual(['Customer X support']);
    // Focus stays in the list for the next removal.
    expect(
      within(recents).getByRole('button', { name: /Remove “Customer X support”/ }),
    ).toHaveFocus();

    await user.click(within(recents).getByRole('button', { name: 'Clear all' }));
    expect(screen.queryByRole('region', { name: 'Recent conversations' })).not.toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(RECENTS_KEY) ?? 'null')).toEqual([]);
  });

  it('shows the start page as usual when storage holds something else', async () => {
    localStorage.setItem(RECENTS_KEY, '{"not": "a list"');
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Open a conversation' })).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Recent conversations' })).not.toBeInTheDocument();
  });
});
