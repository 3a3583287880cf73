import type { Locator, Page } from '@playwright/test';
import { expect, layouts, screenshot, test } from './support/fixtures';

const RECENTS_KEY = 'conversation-viewer:recents';

const jumpBox = (page: Page) => page.getByRole('combobox', { name: 'Jump to a conversation' });
const recentList = (page: Page) => page.getByRole('region', { name: 'Recent conversations' });

/** Focus that a person can see: the element has it, and draws an outline for it. */
async function expectVisibleFocus(locator: Locator) {
  await expect(locator).toBeFocused();
  const outline = await locator.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThan(0);
}

/** Recents as a previous session would have left them. */
async function seedRecents(page: Page) {
  const recents = [
    ['conv_abc123', 'Customer X support', 'HUMAN_REQUESTED', 'HIGH'],
    ['conv_wa_7Hk2pQ', 'Pedido #48213 não chegou', 'HUMAN_REQUESTED', 'HIGH'],
    ['conv_web_Qz81', 'Quero trocar meu plano para o anual', 'UNRESOLVED', 'MEDIUM'],
    ['conv_tg_5512', 'Cobrança duplicada no cartão', 'RESOLVED', 'LOW'],
  ].map(([id, title, status, priority], index) => ({
    id,
    title,
    status,
    priority,
    openedAt: new Date(Date.now() - (index + 1) * 7 * 60_000).toISOString(),
  }));
  await page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
    RECENTS_KEY,
    JSON.stringify(recents),
  ] as const);
}

test('a dashboard link pasted into the jump box on the triage list opens the conversation', async ({
  page,
}) => {
  await page.goto('/conversations');
  // The open queue's 1,207 demo rows on a busy machine: give the walk time.
  await expect(page.getByText('1,207 conversations')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('/');
  await expect(jumpBox(page)).toBeFocused();
  await page.keyboard.insertText(
    'Customer says: https://app.chatvolt.ai/agents/cl_agent/conversations/conv_web_Qz81.',
  );
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/conversations\/conv_web_Qz81$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Quero trocar meu plano para o anual' }),
  ).toBeVisible();

  await page.keyboard.press('Control+k');
  await expect(jumpBox(page)).toBeFocused();
  await page.keyboard.insertText('https://chatvolt.ai/pricing');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(/does not lead to a conversation/);
});

test('the start page lists the conversations visited, removes one, then all', async ({ page }) => {
  await page.goto('/conversations/conv_abc123');
  await expect(page.getByRole('heading', { level: 1, name: 'Customer X support' })).toBeVisible();
  await page.goto('/conversations/conv_tg_5512');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Cobrança duplicada no cartão' }),
  ).toBeVisible();

  await page.goto('/');
  const links = recentList(page).getByRole('link');
  await expect(links).toHaveCount(2);
  await expect(links.nth(0)).toContainText('Cobrança duplicada no cartão');
  await expect(links.nth(1)).toContainText('Customer X support');

  await recentList(page)
    .getByRole('button', {
      name: 'Remove “Cobrança duplicada no cartão” from recent conversations',
    })
    .click();
  await expect(links).toHaveCount(1);
  await page.reload();
  await expect(links).toHaveCount(1);

  await recentList(page).getByRole('button', { name: 'Clear all' }).click();
  await expect(recentList(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Open a conversation' })).toBeVisible();
  await expect(recentList(page)).toHaveCount(0);
});

test('corrupt or foreign data in storage does not break the page', async ({ page }) => {
  await page.addInitScript(
    (key) => window.localStorage.setItem(key, '[{"id": 42, "title": {}}, "x", {"nope'),
    RECENTS_KEY,
  );
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Open a conversation' })).toBeVisible();
  await expect(recentList(page)).toHaveCount(0);

  await jumpBox(page).click();
  await expect(page.getByRole('listbox')).toBeHidden();
  await page.keyboard.insertText('conv_abc123');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Customer X support' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('h');
  await expect(recentList(page).getByRole('link')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('? lists the shortcuts, and g h goes home', async ({ page }) => {
  await page.goto('/conversations/conv_abc123');
  await expect(page.getByRole('heading', { level: 1, name: 'Customer X support' })).toBeVisible();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const action of [
    'Jump to a conversation',
    'Go to the start page',
    'Refresh the conversation',
    'Copy the link to the conversation',
    'Next conversation',
    'Open the selected conversation',
  ]) {
    await expect(dialog.getByText(action)).toBeVisible();
  }
  // Keys in the dialog stay in it: g h does not navigate behind it.
  await page.keyboard.press('g');
  await page.keyboard.press('h');
  await expect(page).toHaveURL(/\/conversations\/conv_abc123$/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('g');
  await page.keyboard.press('h');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: 'Open a conversation' })).toBeVisible();
});

test('an agent gets through with the keyboard alone, and always sees where focus is', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Open a conversation' })).toBeVisible();

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expectVisibleFocus(jumpBox(page));
  await page.keyboard.insertText('conv_abc123');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Customer X support' })).toBeVisible();

  await page.keyboard.press('c');
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    /\/conversations\/conv_abc123$/,
  );

  const refresh = page.getByRole('button', { name: 'Refresh' });
  await refresh.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expectVisibleFocus(refresh);
  const requested = page.waitForRequest(/\/api\/conversation\/conv_abc123$/);
  await page.keyboard.press('Enter');
  await requested;
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page.getByRole('button', { name: 'Copy link' }));

  // Back home, through the recents, by keyboard.
  await page.keyboard.press('g');
  await page.keyboard.press('h');
  const remove = recentList(page).getByRole('button', { name: /Remove “Customer X support”/ });
  await remove.focus();
  await page.keyboard.press('Shift+Tab');
  await expectVisibleFocus(recentList(page).getByRole('link').first());
  await page.keyboard.press('Tab');
  await expectVisibleFocus(remove);
  await page.keyboard.press('Enter');
  await expect(recentList(page)).toHaveCount(0);

  await page.keyboard.press('?');
  await expectVisibleFocus(page.getByRole('dialog').getByRole('button', { name: 'Close' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
});

for (const layout of layouts) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${layout.name}, ${colorScheme}`, () => {
      test.use({ viewport: layout.viewport, colorScheme });

      test('the jump box with its suggestions is accessible and fits', async ({
        page,
        expectAccessible,
        expectNoSidewaysScroll,
      }) => {
        await seedRecents(page);
        await page.goto('/conversations/conv_dash_crowded');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        if (layout.name === 'phone') {
          await expect(jumpBox(page)).toBeHidden();
          await page.getByRole('button', { name: 'Jump to a conversation' }).click();
        } else {
          await jumpBox(page).click();
        }
        await expect(jumpBox(page)).toBeFocused();
        const options = page
          .getByRole('listbox', { name: 'Recent conversations' })
          .getByRole('option');
        // The four from before, and the conversation on screen.
        await expect(options).toHaveCount(5);
        await page.keyboard.press('ArrowDown');
        await expect(options.first()).toHaveAttribute('aria-selected', 'true');
        await expectNoSidewaysScroll();
        await expectAccessible();
        await page.screenshot({
          path: `test-results/screens/jump-${layout.name}-${colorScheme}.png`,
        });

        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
        if (layout.name === 'phone') {
          await expect(jumpBox(page)).toBeHidden();
          await expect(page.getByRole('button', { name: 'Jump to a conversation' })).toBeFocused();
        }
      });

      test('the start page with recents is accessible and fits', async ({
        page,
        expectAccessible,
        expectNoSidewaysScroll,
      }) => {
        await seedRecents(page);
        await page.goto('/');
        await expect(recentList(page).getByRole('link')).toHaveCount(4);
        await expectNoSidewaysScroll();
        await expectAccessible();
        await screenshot(page, `home-recents-${layout.name}-${colorScheme}`);
      });

      test('the shortcuts dialog is accessible and fits', async ({
        page,
        expectAccessible,
        expectNoSidewaysScroll,
      }) => {
        await page.goto('/conversations/conv_abc123');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.keyboard.press('?');
        await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
        await expectNoSidewaysScroll();
        await expectAccessible();
        await page.screenshot({
          path: `test-results/screens/shortcuts-${layout.name}-${colorScheme}.png`,
        });
      });
    });
  }
}
