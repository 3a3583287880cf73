import { expect, test } from './support/fixtures';
import { e2eApiKey, stubUrl } from './support/servers';
import { receivedBy } from './support/upstream-record';

const receivedByStub = () => receivedBy(stubUrl);

test('the transcript comes through the proxy with its count, and earlier messages on request', async ({
  page,
}) => {
  await page.goto('/conversations/conv_live_1');
  const transcript = page.getByRole('region', { name: 'Transcript' });
  const messages = transcript.getByRole('region', { name: 'Messages' });
  // Opens on the newest message.
  await expect(messages.getByText('Newest live message')).toBeVisible();
  await expect(transcript.getByText('50', { exact: true })).toBeVisible();
  const link = messages.getByRole('link', { name: /example\.com\/help/ });
  await expect(link).toHaveAttribute('href', 'https://example.com/help');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');

  await transcript.getByRole('button', { name: 'Load earlier messages' }).click();
  await expect(transcript.getByText('60', { exact: true })).toBeVisible();
  await expect(transcript.getByText('Start of the conversation')).toBeVisible();

  const asked = (await receivedByStub()).filter((r) =>
    r.path.startsWith('/conversation/conv_live_1/messages/'),
  );
  for (const count of [50, 100]) {
    expect(asked).toContainEqual({
      method: 'GET',
      path: `/conversation/conv_live_1/messages/${count}`,
      authorization: `Bearer ${e2eApiKey}`,
      cookie: null,
      contentType: null,
      origin: null,
      body: null,
    });
  }
});
