import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { RECENTS_KEY, type Recent } from '@/lib/recents/recents-store';

const recent = (id: string, title: string, minute: number): Recent => ({
  id,
  title,
  status: 'UNRESOLVED',
  priority: null,
  openedAt: new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString(),
});

beforeEach(() => {
  localStorage.setItem(
    RECENTS_KEY,
    JSON.stringify([
      recent('conv_abc123', 'Customer X support', 3),
      recent('conv_wa_7Hk2pQ', 'Pedido atrasado', 2),
      recent('conv_tg_5512', 'Telegram refund', 1),
    ]),
  );
});

const box = () => screen.getByRole('combobox', { name: 'Jump to a conversation' });
// The header loads the box right after the page.
const boxLoaded = () => screen.findByRole('combobox', { name: 'Jump to a conversation' });
const optionNames = () =>
  within(screen.getByRole('listbox', { name: 'Recent conversations' }))
    .getAllByRole('option')
    .map((option) => option.textContent);

describe('jump box', () => {
  it('suggests the recent conversations while focused, and filters them as one types', async () => {
    const { user } = renderApp('/nowhere');
    await boxLoaded();
    expect(box()).toHaveAttribute('aria-expanded', 'false');
    await user.click(box());
    expect(box()).toHaveAttribute('aria-expanded', 'true');
    expect(optionNames()).toEqual([
      expect.stringContaining('Customer X support'),
      expect.stringContaining('Pedido atrasado'),
      expect.stringContaining('Telegram refund'),
    ]);

    await user.type(box(), 'REFUND');
    expect(optionNames()).toEqual([expect.stringContaining('conv_tg_5512')]);
    await user.clear(box());
    await user.type(box(), 'https://app.chatvolt.ai/a/conversations/conv_wa_7Hk2pQ');
    expect(optionNames()).toEqual([expect.stringContaining('Pedido atrasado')]);
  });

  it('moves through suggestions with the arrow keys and opens one with Enter', async () => {
    const { user } = renderApp('/nowhere');
    await boxLoaded();
    await user.click(box());
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const second = screen.getByRole('option', { name: /Pedido atrasado/ });
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(box()).toHaveAttribute('aria-activedescendant', second.id);

    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByRole('option', { name: /Telegram refund/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Pedido #48213 não chegou' }),
    ).toBeVisible();
    expect(box()).toHaveValue('');
    expect(box()).toHaveAttribute('aria-expanded', 'false');

    // The visit put it first, with the title it has now.
    await user.click(box());
    expect(optionNames()[0]).toContain('Pedido #48213 não chegou');
  });

  it('closes the suggestions on Escape, then clears the text', async () => {
    const { user } = renderApp('/nowhere');
    await boxLoaded();
    await user.type(box(), 'conv');
    expect(box()).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(box()).toHaveAttribute('aria-expanded', 'false');
    expect(box()).toHaveValue('conv');
    await user.keyboard('{Escape}');
    expect(box()).toHaveValue('');
  });

  it('opens a pasted dashboard link on Enter', async () => {
    const { user } = renderApp('/nowhere');
    await boxLoaded();
    await user.click(box());
    await user.paste('see https://app.chatvolt.ai/agents/a1/conversations/conv_mail_Ab12 please');
    await user.keyboard('{Enter}');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Nota fiscal do pedido #47002' }),
    ).toBeVisible();
  });

  it('says what is wrong with input that holds no id', async () => {
    const { user } = renderApp('/nowhere');
    await boxLoaded();
    await user.type(box(), 'https://chatvolt.ai/pricing{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'That link does not lead to a conversation.',
    );
    expect(box()).toHaveAttribute('aria-invalid', 'true');
    expect(box()).toHaveAccessibleDescription(/does not lead to a conversation/);
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeVisible();

    await user.type(box(), 'x');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each([
    ['/', '/'],
    ['Ctrl+K', '{Control>}k{/Control}'],
    ['Cmd+K', '{Meta>}k{/Meta}'],
  ])('takes focus on %s', async (_, keys) => {
    const { user } = renderApp('/nowhere');
    await boxLoaded();
    await screen.findByRole('heading', { name: 'Page not found' });
    expect(box()).not.toHaveFocus();
    await user.keyboard(keys);
    expect(box()).toHaveFocus();
    expect(box()).toHaveValue('');
  });
});
