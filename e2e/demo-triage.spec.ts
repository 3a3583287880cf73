import { expect, layouts, test } from './support/fixtures';

test('filter the list, open a conversation, and come back to the same view and scroll', async ({
  page,
}) => {
  await page.goto('/conversations');
  await expect(page.getByText('2,000 conversations')).toBeVisible();
  await page.getByRole('combobox', { name: 'Status' }).selectOption('UNRESOLVED');
  await expect(page).toHaveURL(/\/conversations\?status=UNRESOLVED$/);
  const list = page.getByRole('list', { name: 'Conversations' });
  await expect(list.getByRole('listitem').first()).toContainText('Open');
  await expect(list.getByRole('listitem').filter({ hasText: 'Needs a human' })).toHaveCount(0);

  await page.mouse.wheel(0, 4000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(3000);
  const row = list.getByRole('link').nth(12);
  await row.scrollIntoViewIfNeeded(); // where a person would click it
  const scrolledTo = await page.evaluate(() => window.scrollY);
  const href = (await row.getAttribute('href')) ?? '';
  await row.click();
  await expect(page.getByRole('heading', { level: 1 })).toBeInViewport(); // a new page starts at its top
  await expect(page).toHaveURL(/\/conversations\/conv_/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/conversations\?status=UNRESOLVED$/);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('UNRESOLVED');
  await expect(list.locator(`a[href="${href}"]`)).toBeInViewport();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolledTo);
});

test('j and k move between rows and Enter opens one', async ({ page }) => {
  await page.goto('/conversations?sort=updated');
  await expect(page.getByRole('combobox', { name: 'Order' })).toHaveValue('updated');
  await expect(page.getByText('2,000 conversations')).toBeVisible();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const focused = page.locator('a:focus');
  await expect(focused).toBeVisible();
  const href = await focused.getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(href ?? '/nowhere');
});

for (const layout of layouts) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the list is accessible and fits the width (${layout.name}, ${colorScheme})`, async ({
      page,
      expectAccessible,
      expectNoSidewaysScroll,
    }) => {
      await page.setViewportSize(layout.viewport);
      await page.emulateMedia({ colorScheme });
      await page.goto('/conversations?priority=HIGH');
      await expect(
        page.getByRole('list', { name: 'Conversations' }).getByRole('link').first(),
      ).toBeVisible();
      await expectNoSidewaysScroll();
      await expectAccessible();
      await page.screenshot({
        path: `test-results/screens/triage-${layout.name}-${colorScheme}.png`,
      });
    });
  }
}

test('an empty result names the filters and clears them', async ({ page }) => {
  await page.goto('/conversations?status=RESOLVED&createdAt=2030-01-01');
  await expect(
    page.getByText(/No conversation matches Status: Resolved · Created from: 2030-01-01\./),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText('2,000 conversations')).toBeVisible();
  await expect(page).toHaveURL(/\/conversations$/);
});
