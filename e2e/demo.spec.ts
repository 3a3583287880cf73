import { expect, layouts, screenshot, test } from './support/fixtures';

test('a pasted link shows the conversation at a glance, and again on reload', async ({ page }) => {
  await page.goto('/conversations/conv_abc123');
  await expect(page.getByRole('heading', { level: 1, name: 'Customer X support' })).toBeVisible();
  await expect(page.getByText('Demo data')).toBeVisible();
  await expect(page).toHaveTitle('Customer X support · Conversation Viewer');

  const contacts = page.getByRole('region', { name: 'Contacts' });
  await expect(contacts.getByRole('link', { name: 'john@example.com' })).toHaveAttribute(
    'href',
    'mailto:john@example.com',
  );
  await expect(contacts.getByRole('link', { name: '+55 11 99999-9999' })).toHaveAttribute(
    'href',
    'tel:+5511999999999',
  );

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Customer X support' })).toBeVisible();
});

test('the start page lists the demo conversations and opens one by id or link', async ({
  page,
}) => {
  await page.goto('/');
  const demoList = page.getByRole('region', { name: 'Demo conversations' });
  await expect(demoList.getByRole('link')).toHaveCount(10);
  await demoList.getByRole('link', { name: /Pedido #48213/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Pedido #48213 não chegou' }),
  ).toBeVisible();
  await expect(page.getByText('Needs a human')).toBeVisible();

  await page.goto('/');
  const input = page.getByRole('textbox', { name: 'Conversation id or link' });
  await input.fill('   ');
  await input.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Enter a conversation id.');
  await input.fill('https://viewer.example.com/conversations/conv_ig_Lm93xA?tab=1');
  await input.press('Enter');
  await expect(page).toHaveURL(/\/conversations\/conv_ig_Lm93xA$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Dúvida sobre tamanho da camiseta' }),
  ).toBeVisible();
});

test('an unknown id says the conversation was not found', async ({ page }) => {
  await page.goto('/conversations/conv_does_not_exist');
  await expect(page.getByRole('heading', { name: 'Conversation not found' })).toBeVisible();
  await expect(page.getByText('conv_does_not_exist')).toBeVisible();
  await page.getByRole('link', { name: 'Open another conversation' }).click();
  await expect(page.getByRole('heading', { name: 'Open a conversation' })).toBeVisible();
});

test('an unknown address says the page was not found', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

for (const layout of layouts) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${layout.name}, ${colorScheme}`, () => {
      test.use({ viewport: layout.viewport, colorScheme });

      for (const id of [
        'conv_abc123',
        'conv_wa_7Hk2pQ',
        'conv_dash_crowded',
        'conv_api_malformed',
      ]) {
        test(`${id} is accessible and fits the width`, async ({
          page,
          expectAccessible,
          expectNoSidewaysScroll,
        }) => {
          await page.goto(`/conversations/${id}`);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await expect(page.getByRole('region', { name: 'Contacts' })).toBeVisible();
          await expectNoSidewaysScroll();
          await expectAccessible();
          await screenshot(page, `${id}-${layout.name}-${colorScheme}`);
        });
      }

      test('the start page is accessible and fits the width', async ({
        page,
        expectAccessible,
        expectNoSidewaysScroll,
      }) => {
        await page.goto('/');
        await expect(
          page.getByRole('region', { name: 'Demo conversations' }).getByRole('link').first(),
        ).toBeVisible();
        await expectNoSidewaysScroll();
        await expectAccessible();
        await screenshot(page, `home-${layout.name}-${colorScheme}`);
      });
    });
  }
}
