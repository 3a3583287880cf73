import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { measureBundle } from '../bench/bundle-size.ts';
import { expect, test } from './support/fixtures';
import { expectDeepLinkPreloadedOnce, receivedBy } from './support/upstream-record';
import { e2eApiKey, liveDistDir, stubUrl } from './support/servers';

const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as Record<
  'initialJsGzipKiB' | 'cssGzipKiB',
  { max: number }
>;

const receivedByStub = () => receivedBy(stubUrl);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('the live conversation comes through the proxy, which alone holds the key', async ({
  page,
}) => {
  const seenByBrowser: string[] = [];
  page.on('request', (request) =>
    seenByBrowser.push(request.url(), JSON.stringify(request.headers())),
  );
  page.on('response', async (response) => {
    seenByBrowser.push(JSON.stringify(response.headers()));
    const body = await response.body().catch(() => Buffer.alloc(0));
    seenByBrowser.push(body.toString('utf8'));
  });

  await page.goto('/conversations/conv_live_1');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Live conversation from the stub' }),
  ).toBeVisible();
  await expect(page.getByText('Needs a human')).toBeVisible();
  await expect(page.getByText('Demo data')).toHaveCount(0);

  const received = await receivedByStub();
  expect(received).toContainEqual({
    method: 'GET',
    path: '/conversation/conv_live_1',
    authorization: `Bearer ${e2eApiKey}`,
    cookie: null,
    contentType: null,
    origin: null,
    body: null,
  });
  expect(seenByBrowser.length).toBeGreaterThan(3);
  expect(seenByBrowser.filter((text) => text.includes(e2eApiKey))).toEqual([]);
});

test('the live build holds neither the key nor anything of demo mode, and stays in budget', () => {
  const files = filesUnder(liveDistDir);
  expect(files.filter((file) => readFileSync(file, 'utf8').includes(e2eApiKey))).toEqual([]);
  expect(files.some((file) => file.endsWith('mockServiceWorker.js'))).toBe(false);

  // The size budgets of bench/budgets.json, counted as the bench counts them: deterministic, so
  // they hold in every run, while the bench measures what the sizes cost.
  const size = measureBundle(liveDistDir);
  console.log(
    `initial JavaScript ${(size.initialJsGzipBytes / 1024).toFixed(1)} KiB gzip in ` +
      `${size.initialJsFiles.length} file(s), CSS ${(size.cssGzipBytes / 1024).toFixed(1)} KiB`,
  );
  expect(size.initialJsGzipBytes / 1024).toBeLessThanOrEqual(budgets.initialJsGzipKiB.max);
  expect(size.cssGzipBytes / 1024).toBeLessThanOrEqual(budgets.cssGzipKiB.max);
  expect(size.initialJsFiles.filter((file) => /msw|demo|fixture/.test(file))).toEqual([]);
});

test('the proxy forwards only GETs of the API paths the app uses, and never the browser’s credentials', async ({
  request,
}) => {
  const post = await request.post('/api/conversation/conv_live_1', { data: {} });
  expect(post.status()).toBe(405);
  const other = await request.get('/api/organization/settings');
  expect(other.status()).toBe(404);

  const withCredentials = await request.get('/api/conversation/conv_live_1', {
    headers: { authorization: 'Bearer from-the-browser', cookie: 'session=abc' },
  });
  expect(withCredentials.status()).toBe(200);

  // The write tests' own conversations (act_…) are changed at the stub directly by other specs.
  const received = (await receivedByStub()).filter((r) => !r.path.includes('/act_'));
  expect(received.filter((r) => r.method !== 'GET' || r.path.startsWith('/organization'))).toEqual(
    [],
  );
  expect(
    received.filter((r) => r.authorization !== `Bearer ${e2eApiKey}` || r.cookie !== null),
  ).toEqual([]);
});

test('a deep link asks the API once, the page preloading what the app then fetches', async ({
  page,
}) => {
  await expectDeepLinkPreloadedOnce(page, stubUrl, { serverRendered: true });
});
