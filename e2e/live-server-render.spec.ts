import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const TITLE = 'Live conversation from the stub';
const heading = (name = TITLE) => ({ level: 1, name }) as const;
const jumpBox = (page: Page) => page.getByRole('combobox', { name: 'Jump to a conversation' });

/** Holds the app's script back until released: the page is then the server's alone. */
async function holdAppScript(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/app-*.js', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('a deep link arrives drawn by the server, readable before any script runs', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/conversations/conv_live_1');
  await expect(page.getByRole('heading', heading())).toBeVisible();
  await expect(page.getByText('Needs a human')).toBeVisible();
  await expect(page.getByRole('meter', { name: /Frustration/ })).toHaveAttribute(
    'aria-valuenow',
    '81',
  );
  await expect(page.getByText('livia@example.com')).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(TITLE));
  await context.close();
});

test('the app takes the drawn page over as it is, without errors or drawing it again', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  // The app's script waits until the server's heading has been marked.
  const release = await holdAppScript(page);
  await page.goto('/conversations/conv_live_1');
  await page
    .getByRole('heading', heading())
    .evaluate((element) => Object.assign(element, { drawnByServer: true }));
  release();

  // The jump box replaces its placeholder once the app runs.
  await expect(jumpBox(page)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Transcript' })).toBeVisible();
  expect(
    await page.getByRole('heading', heading()).evaluate((element) => 'drawnByServer' in element),
  ).toBe(true);
  // And it works: a shortcut opens the list of shortcuts.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('what the reader opened before the app ran stays open, and shows', async ({ page }) => {
  const release = await holdAppScript(page);
  await page.goto('/conversations/conv_hostile');
  await page.getByText('Show JSON').click();
  release();
  await expect(jumpBox(page)).toBeVisible();
  // The JSON that was asked for, inside the opened disclosure (small metadata also shows as rows).
  await expect(page.getByRole('group').getByText(/window.__xss='metadata'/)).toBeVisible();
});

test('the server draws in the reader’s language', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'pt-BR' });
  const page = await context.newPage();
  await page.goto('/conversations/conv_live_1');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await expect(page.getByText('Precisa de humano')).toBeVisible();
  await context.close();
});

test('a reader in another time zone sees local times, and the next page is drawn in them', async ({
  browser,
}) => {
  const context = await browser.newContext({ timezoneId: 'America/Sao_Paulo' });
  const page = await context.newPage();
  const created = page.locator('time[datetime="2026-11-20T10:00:00.000Z"]').first();

  // The first page was drawn in UTC (10:00); the browser knows better and draws it again.
  await page.goto('/conversations/conv_live_1');
  await expect(jumpBox(page)).toBeVisible();
  await expect(created).toHaveAttribute('title', /7:00/);

  // It told the server, which now draws 07:00 itself.
  const html = await (await page.request.get('/conversations/conv_live_1')).text();
  expect(html).toMatch(/title="[^"]*7:00[^"]*"/);
  expect(html).not.toMatch(/title="[^"]*10:00[^"]*"/);
  await context.close();
});

test('an API error reaches the browser as the app’s own message, not a server page', async ({
  page,
}) => {
  await page.goto('/conversations/status_404');
  await expect(page.getByRole('heading', { name: 'Conversation not found' })).toBeVisible();
  await expect(page).toHaveTitle(/Conversation Viewer/);
});
