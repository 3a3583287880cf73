/**
 * The conversation page's actions and notes in the demo: the demo agent, Marina Souza, counts as
 * signed in, and the demo's API keeps each change in the browser's memory until the page reloads.
 */
import type { Page } from '@playwright/test';
import { conversationPage } from './support/conversation-page';
import { expect, test } from './support/fixtures';

/** Open, needing a human, high priority, AI off, nobody assigned; two notes already. */
const lostOrder = { id: 'conv_wa_7Hk2pQ', title: 'Pedido #48213 não chegou' };
/** Needing a human, and Ana Beatriz Costa has it. */
const doubleCharge = { id: 'conv_tg_5512', title: 'Cobrança duplicada no cartão' };

async function openConversation(page: Page, { id, title }: { id: string; title: string }) {
  await page.goto(`/conversations/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const view = conversationPage(page);
  await expect(view.ai).toBeVisible();
  return view;
}

test('e resolves the conversation at once, and z undoes it', async ({ page }) => {
  const view = await openConversation(page, lostOrder);
  await expect(view.button('Needs a human')).toHaveAttribute('aria-pressed', 'true');

  await page.keyboard.press('e');
  await expect(view.button('Resolved')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.button('Needs a human')).toHaveAttribute('aria-pressed', 'false');
  await expect(view.badge('Status: Resolved')).toBeVisible();
  await expect(view.toast).toBeVisible();
  await expect(view.toast.getByRole('button', { name: 'Undo' })).toHaveAttribute(
    'aria-keyshortcuts',
    'z',
  );

  await page.keyboard.press('z');
  await expect(view.button('Needs a human')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.button('Resolved')).toHaveAttribute('aria-pressed', 'false');
  await expect(view.badge('Status: Needs a human')).toBeVisible();
  await expect(view.toast).toBeHidden();
  await expect(view.alert).toHaveCount(0);
});

test('the priority, the AI and the assignee change by clicking, stay until the page reloads, then are as before', async ({
  page,
}) => {
  const view = await openConversation(page, lostOrder);
  await expect(view.button('High')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.ai).toHaveAttribute('aria-checked', 'false');
  await expect(view.assignee('Nobody')).toBeVisible();

  await view.button('Low').click();
  await expect(view.button('Low')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.button('High')).toHaveAttribute('aria-pressed', 'false');
  await expect(view.badge('Low priority')).toBeVisible();

  await view.ai.click();
  await expect(view.ai).toHaveAttribute('aria-checked', 'true');
  await expect(view.badge('AI on')).toBeVisible();
  await expect(view.actions.getByText('It answers the customer by itself.')).toBeVisible();

  await view.assignToMe.click();
  await expect(view.assignee('Marina Souza (you)')).toBeVisible();
  await expect(view.assignToMe).toHaveCount(0);
  await expect(view.button('Unassign')).toBeVisible();

  // Asked again, the demo's API answers with the changes.
  const asked = page.waitForResponse(
    (response) => new URL(response.url()).pathname === `/api/conversation/${lostOrder.id}`,
  );
  await page.getByRole('main').getByRole('button', { name: 'Refresh' }).click();
  expect((await asked).status()).toBe(200);
  await expect(view.button('Low')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.ai).toHaveAttribute('aria-checked', 'true');
  await expect(view.assignee('Marina Souza (you)')).toBeVisible();
  await expect(view.alert).toHaveCount(0);

  // The demo keeps them in this page load's memory only.
  await page.reload();
  await expect(view.button('High')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.ai).toHaveAttribute('aria-checked', 'false');
  await expect(view.assignee('Nobody')).toBeVisible();
});

test('assigning a conversation someone else has says who, and Take it over makes it the agent’s', async ({
  page,
}) => {
  const view = await openConversation(page, doubleCharge);
  await expect(view.assignee('Ana Beatriz Costa')).toBeVisible();

  await view.assignToMe.click();
  await expect(view.alert).toContainText('Ana Beatriz Costa already has this conversation.');
  await expect(view.assignee('Ana Beatriz Costa')).toBeVisible();
  await view.alert.getByRole('button', { name: 'Cancel' }).click();
  await expect(view.alert).toHaveCount(0);
  await expect(view.assignee('Ana Beatriz Costa')).toBeVisible();

  await view.assignToMe.click();
  await view.alert.getByRole('button', { name: 'Take it over' }).click();
  await expect(view.assignee('Marina Souza (you)')).toBeVisible();
  await expect(view.assignee('Ana Beatriz Costa')).toHaveCount(0);
  await expect(view.alert).toHaveCount(0);
  await expect(view.assignToMe).toHaveCount(0);
});

test('the notes already left are listed, and n leads to the box that adds a private one', async ({
  page,
}) => {
  const view = await openConversation(page, lostOrder);
  const noteText = 'Cliente aceitou o reenvio expresso; novo código de rastreio enviado.';
  const listed = view.notes.getByRole('listitem');
  await expect(listed).toHaveCount(2);
  await expect(listed.nth(0)).toContainText('Correios confirmou extravio do pedido #48213.');
  await expect(listed.nth(0)).toContainText('rafael.lima@lojaexemplo.com.br');
  await expect(listed.nth(0)).toContainText('Private');
  await expect(listed.nth(1)).toContainText('Cliente VIP: liberado cupom de 15%');
  await expect(listed.nth(1)).toContainText('ana.costa@lojaexemplo.com.br');
  await expect(listed.nth(1)).not.toContainText('Private');

  const box = view.notes.getByRole('textbox', { name: 'Add a private note' });
  const add = view.notes.getByRole('button', { name: 'Add note' });
  await expect(add).toBeDisabled();
  await page.keyboard.press('n');
  await expect(box).toBeFocused();
  await page.keyboard.insertText(noteText);
  await expect(view.notes.getByText(`${noteText.length} of 500 characters`)).toBeVisible();
  await add.click();

  await expect(listed).toHaveCount(3);
  const added = listed.filter({ hasText: noteText });
  // The API key acts as the organization's owner, whom the API names as the author.
  await expect(added).toContainText('admin@lojaexemplo.com.br');
  await expect(added).toContainText('Private');
  await expect(listed.nth(2)).toContainText(noteText);
  await expect(box).toHaveValue('');
  await expect(view.notes.getByText('0 of 500 characters')).toBeVisible();
});

test.describe('at phone width', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the actions fit without scrolling sideways, and Tab reaches each of them in order', async ({
    page,
    expectNoSidewaysScroll,
  }) => {
    const view = await openConversation(page, lostOrder);
    await expectNoSidewaysScroll();
    const panel = await view.actions.boundingBox();
    expect(panel!.x).toBeGreaterThanOrEqual(0);
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(390);

    const inOrder = [
      view.button('Needs a human'),
      view.button('Unresolved'),
      view.button('Resolved'),
      view.button('High'),
      view.button('Medium'),
      view.button('Low'),
      view.ai,
      view.assignToMe,
    ];
    const first = inOrder[0]!;
    // From the top of the page, as far as the first control of the panel.
    for (let presses = 0; presses < 80; presses += 1) {
      if (await first.evaluate((element) => element === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    for (const [index, control] of inOrder.entries()) {
      if (index > 0) await page.keyboard.press('Tab');
      await expect(control).toBeFocused();
      await expect(control).toBeInViewport();
    }

    // Reached by Tab, a control works from the keyboard too.
    await page.keyboard.press('Shift+Tab');
    await expect(view.ai).toBeFocused();
    await page.keyboard.press('Space');
    await expect(view.ai).toHaveAttribute('aria-checked', 'true');
    await expectNoSidewaysScroll();
  });
});

test.describe('in Portuguese', () => {
  test.use({ locale: 'pt-BR' });

  test('the actions read in Portuguese, and resolving says so and offers to undo', async ({
    page,
  }) => {
    await page.goto(`/conversations/${lostOrder.id}`);
    await expect(page.getByRole('heading', { level: 1, name: lostOrder.title })).toBeVisible();
    const actions = page.getByRole('region', { name: 'Ações' });
    await expect(actions.getByRole('button', { name: 'Atribuir a mim' })).toBeVisible();
    await expect(actions.getByRole('switch', { name: 'Respostas da IA' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Notas' })).toBeVisible();

    const resolved = actions.getByRole('button', { name: 'Resolvida', exact: true });
    await resolved.click();
    await expect(resolved).toHaveAttribute('aria-pressed', 'true');
    const toast = page.getByRole('status').filter({ hasText: 'Marcada como resolvida.' });
    await toast.getByRole('button', { name: 'Desfazer' }).click();
    await expect(actions.getByRole('button', { name: 'Precisa de humano' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(toast).toBeHidden();
  });
});

test('switching the language from the header turns the actions into Portuguese', async ({
  page,
}) => {
  const view = await openConversation(page, lostOrder);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('Português');

  const actions = page.getByRole('region', { name: 'Ações' });
  await expect(actions).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Resolvida', exact: true })).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Atribuir a mim' })).toBeVisible();
  await expect(view.actions).toHaveCount(0);
});
