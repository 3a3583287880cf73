import { expect, test } from './support/fixtures';
import { stubUrl } from './support/servers';

test('the list forwards only valid, known filters and opens a row’s conversation', async ({
  page,
}) => {
  await page.goto(
    '/conversations?status=HUMAN_REQUESTED&priority=NOPE&foo=bar&organizationId=org_x&unread=true',
  );
  const list = page.getByRole('list', { name: 'Conversations' });
  await expect(list.getByRole('link', { name: /Live conversation from the stub/ })).toBeVisible();
  await expect(page.getByText('An entry of the list could not be read:')).toBeVisible();
  await expect(list.getByText('Bruna Operadora')).toBeVisible();

  const received = (await (await fetch(`${stubUrl}/__received`)).json()) as { path: string }[];
  const listRequests = received
    .map((r) => r.path)
    .filter((path) => path.startsWith('/conversation?'));
  expect(listRequests).toContain('/conversation?status=HUMAN_REQUESTED&unread=true&limit=100');
  expect(listRequests.filter((path) => /foo|organizationId|NOPE/.test(path))).toEqual([]);

  await list.getByRole('link', { name: /Live conversation from the stub/ }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Live conversation from the stub' }),
  ).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/status=HUMAN_REQUESTED/);
});
