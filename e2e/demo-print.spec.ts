import { expect, test } from './support/fixtures';

test('printing gives the whole conversation on white paper, without the app around it', async ({
  page,
}) => {
  // Dark on screen: the printout must still be light.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/conversations/conv_dash_crowded');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  const transcript = page.getByRole('region', { name: 'Messages' }).getByRole('listitem');
  await expect(transcript.first()).toBeVisible();
  // On screen only the rows in view are in the page.
  expect(await transcript.count()).toBeLessThan(50);
  const variables = page.getByRole('region', { name: 'Variables' });
  const shownOnScreen = await variables.getByRole('term').count();

  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeHidden();
  await expect(heading).toBeVisible();
  for (const name of ['Contacts', 'Variables', 'Tags', 'CRM timeline', 'Transcript']) {
    await expect(page.getByRole('region', { name })).toBeVisible();
  }
  expect(await variables.getByRole('term').count()).toBeGreaterThanOrEqual(shownOnScreen);
  // Every loaded message is printed: the newest 50.
  await expect(transcript).toHaveCount(50);
  const colours = await page.evaluate(() => ({
    body: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.querySelector('h1')!).color,
  }));
  expect(colours).toEqual({ body: 'rgb(255, 255, 255)', text: 'rgb(17, 24, 39)' });

  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await test.info().attach('conversation.pdf', { body: pdf, contentType: 'application/pdf' });
});
