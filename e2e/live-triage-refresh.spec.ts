import { expect, test } from './support/fixtures';
import { stubUrl } from './support/servers';

/**
 * Changes the stub's data as another agent (or the customer) would, behind the viewer's back:
 * a write to an `act_` conversation makes it on first touch (asking for a person) and keeps it.
 */
async function changeUpstream(id: string, action: string, body: object) {
  const response = await fetch(`${stubUrl}/conversations/${id}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

// A refresh every 10 s, and the viewer's server shares a read for 4 s: a change shows within 14 s.
const CHANGE_SEEN_WITHIN_MS = 20_000;

test('the open queue follows the API without a reload: a newcomer comes in, a resolved one leaves, the selection holds', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const run = Date.now();
  const staying = `act_free_staying_${run}`;
  const leaving = `act_free_leaving_${run}`;
  const arriving = `act_free_arriving_${run}`;
  // Below conv_live_1 (high priority): the one the agent selects, then one that will leave.
  await changeUpstream(staying, 'set-priority', { priority: 'MEDIUM' });
  await changeUpstream(leaving, 'set-priority', { priority: 'LOW' });

  await page.goto('/conversations');
  const list = page.getByRole('list', { name: 'Conversations' });
  const row = (id: string) => list.locator(`a[href="/conversations/${id}"]`);
  await expect(row(leaving)).toBeVisible();
  await expect(list.getByRole('link').first()).toHaveAttribute(
    'href',
    '/conversations/conv_live_1',
  );

  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(row(staying)).toBeFocused();
  await expect(row(staying)).toHaveAttribute('data-row-index', '1');

  // Elsewhere: a customer asks for a person (high priority) and a colleague resolves one.
  await changeUpstream(arriving, 'set-priority', { priority: 'HIGH' });
  await changeUpstream(leaving, 'set-status', { status: 'RESOLVED' });

  await expect(row(arriving)).toBeVisible({ timeout: CHANGE_SEEN_WITHIN_MS });
  await expect(row(arriving)).toContainText('New');
  await expect(row(arriving)).toHaveAttribute('data-row-index', '1');
  await expect(row(leaving)).toHaveCount(0);
  // The selection is on the same conversation, one row further down, and still focused.
  await expect(row(staying)).toBeFocused();
  await expect(row(staying)).toHaveAttribute('data-row-index', '2');
  await page.keyboard.press('k');
  await expect(row(arriving)).toBeFocused();
});
