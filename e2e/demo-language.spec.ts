import { expect, layouts, screenshot, test } from './support/fixtures';

test.describe('a browser set to Brazilian Portuguese', () => {
  test.use({ locale: 'pt-BR' });

  test('gets the viewer in Portuguese, and a switch to English sticks', async ({ page }) => {
    await page.goto('/conversations/conv_abc123');
    await expect(page.getByRole('heading', { level: 1, name: 'Customer X support' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
    await expect(page).toHaveTitle('Customer X support · Visualizador de Conversas');
    await expect(page.getByText('Dados de demonstração')).toBeVisible();
    for (const panel of ['Contatos', 'Responsáveis', 'Linha do tempo do CRM', 'Identificadores']) {
      await expect(page.getByRole('region', { name: panel })).toBeVisible();
    }
    await expect(page.getByText('Status: Não resolvida')).toBeVisible();
    // Dates the Brazilian way: "20 de fev. de 2026".
    await expect(
      page.getByRole('region', { name: 'Linha do tempo do CRM' }).getByText(/de fev\. de 2026/),
    ).toBeVisible();

    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('English');
    await expect(page.getByRole('region', { name: 'Contacts' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('region', { name: 'Contacts' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  });

  test('the list and its filters speak Portuguese, with numbers the Brazilian way', async ({
    page,
  }) => {
    await page.goto('/conversations');
    // 6,000 demo conversations are built in the browser first; 1,207 are in the open queue.
    await expect(page.getByText('1.207 conversas')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('combobox', { name: 'Ordem' })).toBeVisible();
    await page.goto('/conversations/conv_does_not_exist');
    await expect(page.getByRole('heading', { name: 'Conversa não encontrada' })).toBeVisible();
  });

  for (const layout of layouts) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`reads well in Portuguese on ${layout.name}, ${colorScheme}`, async ({
        page,
        expectAccessible,
        expectNoSidewaysScroll,
      }) => {
        await page.setViewportSize(layout.viewport);
        await page.emulateMedia({ colorScheme });
        await page.goto('/conversations/conv_wa_7Hk2pQ');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByRole('region', { name: 'Contatos' })).toBeVisible();
        await expectAccessible();
        await expectNoSidewaysScroll();
        await screenshot(page, `pt-BR-conversation-${layout.name}-${colorScheme}`);

        await page.goto('/');
        await expect(page.getByRole('heading', { name: 'Abrir uma conversa' })).toBeVisible();
        await expectAccessible();
        await expectNoSidewaysScroll();
        await screenshot(page, `pt-BR-home-${layout.name}-${colorScheme}`);
      });
    }
  }
});
