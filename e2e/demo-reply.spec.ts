/**
 * Answering the customer in the demo: the demo's API keeps the messages sent in the browser's
 * memory and its customer answers a few seconds later; conv_wa_7Hk2pQ's customer wrote minutes
 * ago (its WhatsApp window open), conv_ig_Lm93xA's days ago (its Instagram window closed).
 */
import { conversationPage } from './support/conversation-page';
import { expect, layouts, test } from './support/fixtures';

const lostOrder = { id: 'conv_wa_7Hk2pQ', title: 'Pedido #48213 não chegou' };
const instagram = { id: 'conv_ig_Lm93xA' };

for (const { name, viewport } of layouts) {
  test.describe(`on a ${name}`, () => {
    test.use({ viewport });

    test('Shift+R opens the reply; it is sent, the customer answers on the page, and nothing scrolls sideways', async ({
      page,
      expectAccessible,
      expectNoSidewaysScroll,
    }) => {
      await page.goto(`/conversations/${lostOrder.id}`);
      await expect(page.getByRole('heading', { level: 1, name: lostOrder.title })).toBeVisible();
      const view = conversationPage(page);
      await expect(view.replyBox).toBeVisible();
      await page.keyboard.press('Shift+R');
      await expect(view.replyBox).toBeFocused();
      await expect(page.getByText(/^You can answer for 2[34] h more\.$/)).toBeVisible();
      // The help says, whole and readable on a phone too, how the message goes and who is on record.
      await expect(
        page.getByText(
          'Goes to the customer on WhatsApp, from the organization’s account; the audit log records that you sent it.',
          { exact: false },
        ),
      ).toBeInViewport();

      await page.keyboard.type('Oi Carla, o reenvio saiu hoje.');
      await page.keyboard.press('Control+Enter');
      await expect(
        page.getByRole('status').filter({ hasText: 'Sent to the customer.' }),
      ).toBeVisible();
      await expect(view.messages.getByText('Oi Carla, o reenvio saiu hoje.')).toBeVisible();
      await expect(view.replyBox).toHaveValue('');
      // The demo customer answers 4 s later; the page shows it without a reload, at its next
      // refresh (every 5 s): up to 9 s, with room for a loaded machine (the bench times it).
      await expect(
        view.messages.getByText('Obrigado pelo retorno! Vou verificar aqui e já respondo.'),
      ).toBeVisible({ timeout: 20_000 });
      await expectNoSidewaysScroll();
      await expectAccessible();
    });
  });
}

test('the draft is kept while the agent visits another conversation and reloads', async ({
  page,
}) => {
  await page.goto(`/conversations/${lostOrder.id}`);
  const view = conversationPage(page);
  await view.replyBox.fill('Carla, consegui um cupom de');
  await page.goto('/conversations/conv_tg_5512');
  await expect(view.replyBox).toHaveValue('');
  await page.goBack();
  await expect(view.replyBox).toHaveValue('Carla, consegui um cupom de');
  await page.reload();
  await expect(view.replyBox).toHaveValue('Carla, consegui um cupom de');
});

test('a conversation past its 24-hour window says so before the agent types', async ({ page }) => {
  await page.goto(`/conversations/${instagram.id}`);
  const view = conversationPage(page);
  await expect(
    page.getByRole('note').filter({ hasText: /The 24-hour window to answer on Instagram closed/ }),
  ).toBeVisible();
  await expect(view.replyBox).toBeDisabled();
  await expect(view.send).toHaveAttribute('aria-disabled', 'true');
});

test.describe('in Portuguese', () => {
  test.use({ locale: 'pt-BR' });

  test('the reply reads in Portuguese, on a phone too', async ({
    page,
    expectNoSidewaysScroll,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/conversations/${lostOrder.id}`);
    const reply = page.getByRole('textbox', { name: 'Responder ao cliente' });
    await reply.fill('Olá!');
    await expect(page.getByText('4 de 4.096 caracteres')).toBeVisible();
    await expect(page.getByText(/^Você pode responder por mais 2[34] h\.$/)).toBeVisible();
    await page.getByRole('button', { name: 'Enviar pelo WhatsApp' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Enviada ao cliente.' })).toBeVisible();
    await expectNoSidewaysScroll();
  });
});
