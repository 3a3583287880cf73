import { expect, test } from './support/fixtures';

// The demo's open queue moves 15 s after the demo starts (a new customer asks for a person, a
// colleague resolves another); the list sees it at its next refresh, at most 10 s later.
const QUEUE_MOVE_SEEN_WITHIN_MS = 40_000;

test('the open queue refreshes on its own: a newcomer comes in marked New, a resolved one leaves, the selection and the rows hold', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/conversations');
  await expect(page.getByText('1,207 conversations')).toBeVisible();
  await expect(page).toHaveTitle('(302) Conversations · Conversation Viewer');
  const list = page.getByRole('list', { name: 'Conversations' });
  const resolvedElsewhere = list.locator('a[href="/conversations/conv_gen_0201"]');
  await expect(resolvedElsewhere).toBeVisible();

  // The agent's place: the third row, selected with the keyboard.
  for (let press = 0; press < 3; press += 1) await page.keyboard.press('j');
  const focused = page.locator('a:focus');
  await expect(focused).toHaveAttribute('data-row-index', '2');
  const selected = (await focused.getAttribute('href'))!;
  const selectedAt = (await focused.boundingBox())!.y;

  const newcomer = list.getByRole('link', { name: /Pix pago em dobro/ });
  await expect(newcomer).toBeVisible({ timeout: QUEUE_MOVE_SEEN_WITHIN_MS });
  await expect(newcomer).toContainText('New');
  await expect(list.getByRole('link').first()).toHaveAttribute(
    'href',
    '/conversations/conv_new_pix01',
  );
  await expect(resolvedElsewhere).toHaveCount(0);
  // One came, one left: as many wait as before.
  await expect(page.getByText('1,207 conversations')).toBeVisible();
  await expect(page).toHaveTitle('(302) Conversations · Conversation Viewer');

  // The selection stayed on its conversation, focused, where it was on the screen.
  await expect(focused).toHaveAttribute('href', selected);
  await expect(focused).toHaveAttribute('data-row-index', '3');
  expect((await focused.boundingBox())!.y).toBe(selectedAt);

  // On screen for a few seconds, the newcomer has been seen.
  await expect(newcomer).not.toContainText('New');
  await page.keyboard.press('k');
  await expect(focused).toHaveAttribute('data-row-index', '2');
});

test('a newcomer out of sight is offered by an "N new" button, in Portuguese too', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/conversations');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('pt-BR');
  await expect(page.getByText('1.207 conversas')).toBeVisible();
  // Reading further down the queue when the newcomer comes in at its top.
  await page.mouse.wheel(0, 1500);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
  // The row in the middle of the window, and where it is.
  const reading = () =>
    page.evaluate(() => {
      const link = document.elementFromPoint(640, 450)?.closest('a');
      return { href: link?.getAttribute('href'), top: link?.getBoundingClientRect().top };
    });
  const before = await reading();
  expect(before.href).toMatch(/^\/conversations\/conv_/);
  const offer = page.getByRole('button', { name: 'Mostrar 1 nova conversa' });
  await expect(offer).toBeVisible({ timeout: QUEUE_MOVE_SEEN_WITHIN_MS });
  await expect(offer).toHaveText('1 nova');
  // Nothing moved under the agent's eyes: the row they read is where it was.
  expect(await reading()).toEqual(before);
  const newcomer = page.getByRole('link', { name: /Pix pago em dobro/ });
  await expect(newcomer).not.toBeInViewport();

  await offer.click();
  await expect(newcomer).toBeFocused();
  await expect(newcomer).toBeInViewport();
  await expect(newcomer).toContainText('Nova');
  await expect(offer).toBeHidden();
});
