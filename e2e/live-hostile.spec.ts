import { expect, test } from './support/fixtures';
import { stubUrl } from './support/servers';

test('markup and script in every field render as text: no dialog, no injected global', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/conversations/conv_hostile');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    `onerror="window.__xss='title'`,
  );
  // The metadata shows as rows, and as JSON once asked for: markup as text in both.
  await expect(page.getByText(/window.__xss='metadata'/)).toBeVisible();
  await page.getByText('Show JSON').click();
  const json = page.getByRole('group').filter({ has: page.getByText('Show JSON') });
  await expect(json.getByText(/window.__xss='metadata'/)).toBeVisible();
  await page.getByRole('heading', { level: 1 }).hover();
  await page.getByRole('region', { name: 'Contacts' }).hover();

  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(
    hrefs.filter((href) => !/^(mailto:|tel:\+?\d+$|https?:\/\/|\/|#)/.test(href ?? '')),
  ).toEqual([]);
});

test('any id travels to the API as exactly one encoded path segment', async ({ page }) => {
  for (const id of [
    'echo:a/b',
    'echo:q?x=1',
    'echo:h#frag',
    'echo:100%',
    'echo:with space',
    'echo:ünï©ødé 会話',
  ]) {
    await page.goto(`/conversations/${encodeURIComponent(id)}`);
    await expect(page.getByRole('heading', { level: 1, name: `Echo ${id}` })).toBeVisible();
  }
  const received = (await (await fetch(`${stubUrl}/__received`)).json()) as { path: string }[];
  const echoed = received
    .map((r) => r.path)
    .filter((path) => path.startsWith('/conversation/echo'));
  expect(echoed).toEqual(
    expect.arrayContaining([
      '/conversation/echo%3Aa%2Fb',
      '/conversation/echo%3Aq%3Fx%3D1',
      '/conversation/echo%3Ah%23frag',
      '/conversation/echo%3A100%25',
      '/conversation/echo%3Awith%20space',
      `/conversation/${encodeURIComponent('echo:ünï©ødé 会話')}`,
    ]),
  );
});

test('an id too long or with control characters gets a message and no request', async ({
  page,
}) => {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/')) requests.push(request.url());
  });
  await page.goto(`/conversations/${'x'.repeat(300)}`);
  await expect(page.getByRole('heading', { name: /longer than 256 characters/ })).toBeVisible();
  await page.goto('/conversations/abc%0Adef');
  await expect(page.getByRole('heading', { name: /control characters/ })).toBeVisible();
  expect(requests).toEqual([]);
});

test('the preview server sends the security headers', async ({ request }) => {
  for (const path of ['/', '/conversations/conv_live_1']) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self';");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-frame-options']).toBe('DENY');
  }
});
