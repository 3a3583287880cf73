import { expect, test } from './support/fixtures';

// Every failure the API (or the way to it) can produce, each with its message and a way forward.
// The stub upstream answers `status_<code>` with that status; the proxy gives up after 3 s.
const failures = [
  { id: 'status_400', heading: 'The API rejected the request', retry: false },
  { id: 'status_401', heading: 'The API key is missing or not accepted', retry: false },
  {
    id: 'status_403',
    heading: 'The Chatvolt API refused the viewer’s key or access',
    retry: false,
  },
  // How the API refuses a wrong key: a plain-text body, not JSON.
  {
    id: 'forbidden_text',
    heading: 'The Chatvolt API refused the viewer’s key or access',
    retry: false,
  },
  { id: 'status_404', heading: 'Conversation not found', retry: false },
  { id: 'status_408', heading: 'The API did not answer in time', retry: true },
  { id: 'status_500', heading: 'The Chatvolt API has a problem', retry: true },
  { id: 'status_502', heading: 'The Chatvolt API has a problem', retry: true },
  { id: 'status_503', heading: 'The Chatvolt API has a problem', retry: true },
  { id: 'status_504', heading: 'The API did not answer in time', retry: true },
  { id: 'never_answers', heading: 'The API did not answer in time', retry: true },
  { id: 'gateway_html', heading: 'The API sent something unexpected', retry: true },
  { id: 'empty_body', heading: 'The API sent something unexpected', retry: true },
  { id: 'json_array', heading: 'The API sent something unexpected', retry: true },
  { id: 'json_string', heading: 'The API sent something unexpected', retry: true },
];

for (const failure of failures) {
  test(`${failure.id} shows “${failure.heading}” with a way forward`, async ({ page }) => {
    test.slow(); // transient failures are retried three times before they show
    await page.goto(`/conversations/${failure.id}`);
    await expect(page.getByRole('heading', { name: failure.heading })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByText(failure.id, { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(failure.retry ? 1 : 0);
    await expect(page.getByRole('link', { name: 'Open another conversation' })).toBeVisible();
  });
}

test('429 honours Retry-After: Retry waits as long as the API asks', async ({ page }) => {
  await page.goto('/conversations/status_429');
  await expect(page.getByRole('heading', { name: 'Too many requests' })).toBeVisible();
  await expect(page.getByText(/Try again in [1-3] seconds?\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Retry' })).toBeEnabled({ timeout: 6_000 });
});

test('a refused connection to the viewer’s server says so and offers Retry', async ({ page }) => {
  // Opened from the start page: a deep link would arrive drawn by the server, with no call to make.
  await page.goto('/');
  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await page.getByRole('textbox', { name: 'Conversation id or link' }).fill('conv_live_1');
  await page.getByRole('textbox', { name: 'Conversation id or link' }).press('Enter');
  await expect(
    page.getByRole('heading', { name: 'No connection to the viewer’s server' }),
  ).toBeVisible({
    timeout: 20_000,
  });
  await page.unroute('**/api/**');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Live conversation from the stub' }),
  ).toBeVisible();
});
