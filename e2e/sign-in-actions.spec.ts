/**
 * Changing a conversation from its page, signed in at the real OpenID provider of the sign-in
 * tests, through the viewer's own `/api` proxy to the stub API, which records every call: what
 * the agent sees, what reached the API, what the server refused, and what it wrote in its audit
 * log. Each test has a conversation of its own (`act_…`, made by the stub on first touch).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { e2eApiKey, signInLogPath, signInOrigin, signInStubUrl } from './support/servers';
import { receivedBy } from './support/upstream-record';
import { conversationPage } from './support/conversation-page';
import {
  agent,
  agentName,
  auditedWritesTo,
  forwarded,
  freshId,
  holdPosts,
  openSignedIn,
  stubCallsFor,
} from './support/signed-in-agent';

/** The writes that reached the stub API for conversation `id`, in order. */
const stubWritesTo = async (id: string) =>
  (await receivedBy(signInStubUrl)).filter(
    (call) => call.method === 'POST' && call.path.startsWith(`/conversations/${id}/`),
  );

/** The answer of the page's next write `action` to conversation `id`. */
const nextWrite = (page: Page, id: string, action: string) =>
  page.waitForResponse(
    (response) =>
      response.request().method() === 'POST' &&
      new URL(response.url()).pathname === `/api/conversations/${id}/${action}`,
  );

/** Does `act` and returns the answer of the write it makes. */
async function writing(page: Page, id: string, action: string, act: () => Promise<void>) {
  const [answer] = await Promise.all([nextWrite(page, id, action), act()]);
  return answer;
}

/** Holds the page's writes until released. */
const holdWrites = (page: Page) => holdPosts(page, '**/api/conversations/**');

test('an agent changes status (and undoes it), priority, the AI, the assignee and adds a note; each reaches the API as rebuilt and stays after a reload', async ({
  page,
}) => {
  const id = freshId();
  const noteText = `Called the customer back about ${id}`;
  const view = await openSignedIn(page, id);
  await expect(view.button('Needs a human')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.button('Medium')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.ai).toHaveAttribute('aria-checked', 'true');
  await expect(view.assignee('Bruna Operadora')).toBeVisible();
  await expect(view.notes.getByText('No notes yet.')).toBeVisible();

  // Resolved, then undone from the toast.
  const resolved = await writing(page, id, 'set-status', () => view.button('Resolved').click());
  expect(resolved.status()).toBe(200);
  await expect(view.button('Resolved')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.button('Needs a human')).toHaveAttribute('aria-pressed', 'false');
  await expect(view.badge('Status: Resolved')).toBeVisible();
  await expect(view.toast).toBeVisible();
  const undone = await writing(page, id, 'set-status', () =>
    view.toast.getByRole('button', { name: 'Undo' }).click(),
  );
  expect(undone.status()).toBe(200);
  await expect(view.button('Needs a human')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.badge('Status: Needs a human')).toBeVisible();
  await expect(view.toast).toBeHidden();

  const unresolved = await writing(page, id, 'set-status', () => view.button('Unresolved').click());
  expect(unresolved.status()).toBe(200);
  await expect(view.button('Unresolved')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.badge('Status: Unresolved')).toBeVisible();

  const priority = await writing(page, id, 'set-priority', () => view.button('High').click());
  expect(priority.status()).toBe(200);
  await expect(view.button('High')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.button('Medium')).toHaveAttribute('aria-pressed', 'false');
  await expect(view.badge('High priority')).toBeVisible();

  const aiOff = await writing(page, id, 'set-ai-enabled', () => view.ai.click());
  expect(aiOff.status()).toBe(200);
  await expect(view.ai).toHaveAttribute('aria-checked', 'false');
  await expect(view.badge('AI off')).toBeVisible();
  await expect(view.actions.getByText('A person must answer the customer.')).toBeVisible();

  // Bruna has it: the API says so (409), the page says who and offers to take it over.
  const taken = await writing(page, id, 'assign', () => view.assignToMe.click());
  expect(taken.status()).toBe(409);
  await expect(view.alert).toContainText('Bruna Operadora already has this conversation.');
  await expect(view.assignee('Bruna Operadora')).toBeVisible();
  const takenOver = await writing(page, id, 'assign', () =>
    view.alert.getByRole('button', { name: 'Take it over' }).click(),
  );
  expect(takenOver.status()).toBe(200);
  await expect(view.assignee(`${agentName} (you)`)).toBeVisible();
  await expect(view.alert).toHaveCount(0);
  await expect(view.assignToMe).toHaveCount(0);

  const unassigned = await writing(page, id, 'unassign', () => view.unassign.click());
  expect(unassigned.status()).toBe(200);
  await expect(view.assignee('Nobody')).toBeVisible();
  await expect(view.unassign).toHaveCount(0);
  // Nobody has it now: assigning needs no taking over.
  const assigned = await writing(page, id, 'assign', () => view.assignToMe.click());
  expect(assigned.status()).toBe(200);
  await expect(view.assignee(`${agentName} (you)`)).toBeVisible();
  await expect(view.alert).toHaveCount(0);

  await view.noteBox.fill(noteText);
  await expect(view.notes.getByText(`${noteText.length} of 500 characters`)).toBeVisible();
  const noted = await writing(page, id, 'notes', () => view.addNote.click());
  expect(noted.status()).toBe(201);
  const note = view.notes.getByRole('listitem').filter({ hasText: noteText });
  await expect(note).toContainText('owner@acme.test');
  await expect(note).toContainText('Private');
  await expect(view.noteBox).toHaveValue('');
  await expect(view.notes.getByText('0 of 500 characters')).toBeVisible();
  await expect(view.notes.getByRole('listitem')).toHaveCount(1);
  await expect(view.notes.getByText('No notes yet.')).toBeHidden();

  // Each write reached the API once, rebuilt by the viewer's server from the checked fields, with
  // the server's key and nothing of the browser's (no cookie, no origin); the server named the
  // agent. Unassigning carries no body.
  const path = (action: string) => `/conversations/${id}/${action}`;
  expect(await stubWritesTo(id)).toEqual([
    forwarded(path('set-status'), '{"status":"RESOLVED"}'),
    forwarded(path('set-status'), '{"status":"HUMAN_REQUESTED"}'),
    forwarded(path('set-status'), '{"status":"UNRESOLVED"}'),
    forwarded(path('set-priority'), '{"priority":"HIGH"}'),
    forwarded(path('set-ai-enabled'), '{"enabled":false}'),
    forwarded(path('assign'), `{"email":"${agent}"}`),
    forwarded(path('assign'), `{"email":"${agent}","force":true}`),
    forwarded(path('unassign'), null),
    forwarded(path('assign'), `{"email":"${agent}"}`),
    forwarded(path('notes'), JSON.stringify({ note: noteText, isPrivate: true })),
  ]);

  // Confirmed by the API, not only shown: a reload draws every change from it, and writes nothing.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Action test ${id}` })).toBeVisible();
  await expect(view.button('Unresolved')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.badge('Status: Unresolved')).toBeVisible();
  await expect(view.button('High')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.badge('High priority')).toBeVisible();
  await expect(view.ai).toHaveAttribute('aria-checked', 'false');
  await expect(view.badge('AI off')).toBeVisible();
  await expect(view.assignee(`${agentName} (you)`)).toBeVisible();
  await expect(view.notes.getByRole('listitem').filter({ hasText: noteText })).toContainText(
    'Private',
  );
  await expect(view.notes.getByRole('listitem')).toHaveCount(1);
  expect(await stubWritesTo(id)).toHaveLength(10);
  // Every call for this conversation, reads too, carried the key and never the browser's cookie.
  for (const call of await stubCallsFor(id)) {
    expect(call).toMatchObject({
      authorization: `Bearer ${e2eApiKey}`,
      cookie: null,
      origin: null,
    });
  }
});

test('a status change the API refuses (403) shows at once, then is set back, saying so', async ({
  page,
}) => {
  const id = freshId('fail403_');
  const view = await openSignedIn(page, id);
  const release = await holdWrites(page);

  await view.button('Resolved').click();
  await expect(view.button('Resolved')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.badge('Status: Resolved')).toBeVisible();
  await expect(view.toast).toBeVisible();
  const answer = nextWrite(page, id, 'set-status');
  release();
  expect((await answer).status()).toBe(403);

  await expect(view.alert).toHaveText(
    /The status was not changed: the API refused it \(no access to this conversation\)\./,
  );
  await expect(view.button('Needs a human')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.button('Resolved')).toHaveAttribute('aria-pressed', 'false');
  await expect(view.badge('Status: Needs a human')).toBeVisible();
  // Nothing was resolved, so there is nothing to undo.
  await expect(view.toast).toBeHidden();
  // The API refused it, not the viewer's server: the write reached it.
  expect(await stubWritesTo(id)).toEqual([
    forwarded(`/conversations/${id}/set-status`, '{"status":"RESOLVED"}'),
  ]);

  await view.alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(view.alert).toHaveCount(0);
  await expect(view.button('Needs a human')).toHaveAttribute('aria-pressed', 'true');
});

test('assigning a conversation the API no longer finds (404) shows the agent, then the previous one back, saying so', async ({
  page,
}) => {
  const id = freshId('fail404_');
  const view = await openSignedIn(page, id);
  const release = await holdWrites(page);

  await view.assignToMe.click();
  await expect(view.assignee(`${agentName} (you)`)).toBeVisible();
  await expect(view.assignee('Bruna Operadora')).toHaveCount(0);
  const answer = nextWrite(page, id, 'assign');
  release();
  expect((await answer).status()).toBe(404);

  await expect(view.alert).toHaveText(
    /The conversation was not assigned to you: the API no longer finds this conversation, or that person\./,
  );
  await expect(view.assignee('Bruna Operadora')).toBeVisible();
  await expect(view.assignee(`${agentName} (you)`)).toHaveCount(0);
  await expect(view.assignToMe).toBeVisible();
  expect(await stubWritesTo(id)).toEqual([
    forwarded(`/conversations/${id}/assign`, `{"email":"${agent}"}`),
  ]);
});

test('a priority change the API fails (500) shows at once, then is set back, and Retry asks again', async ({
  page,
}) => {
  const id = freshId('fail500_');
  const view = await openSignedIn(page, id);
  const release = await holdWrites(page);

  await view.button('High').click();
  await expect(view.button('High')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.badge('High priority')).toBeVisible();
  const answer = nextWrite(page, id, 'set-priority');
  release();
  expect((await answer).status()).toBe(500);

  await expect(view.alert).toHaveText(/The priority was not changed: the API failed\./);
  await expect(view.button('Medium')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.button('High')).toHaveAttribute('aria-pressed', 'false');
  await expect(view.badge('Medium priority')).toBeVisible();

  // Retry sends the same change again; the API fails again, and the page says so again.
  const retried = await writing(page, id, 'set-priority', () =>
    view.alert.getByRole('button', { name: 'Retry' }).click(),
  );
  expect(retried.status()).toBe(500);
  await expect(view.alert).toHaveText(/The priority was not changed: the API failed\./);
  await expect(view.button('Medium')).toHaveAttribute('aria-pressed', 'true');
  const body = '{"priority":"HIGH"}';
  const path = `/conversations/${id}/set-priority`;
  expect(await stubWritesTo(id)).toEqual([forwarded(path, body), forwarded(path, body)]);
});

test('switching the AI off when the API never answers shows it off, then on again once the server gives up (504)', async ({
  page,
}) => {
  const id = freshId('hang_');
  const view = await openSignedIn(page, id);
  const release = await holdWrites(page);

  await view.ai.click();
  await expect(view.ai).toHaveAttribute('aria-checked', 'false');
  await expect(view.badge('AI off')).toBeVisible();
  const answer = nextWrite(page, id, 'set-ai-enabled');
  release();
  // The viewer's server waits CHATVOLT_API_TIMEOUT_MS (3 s) for the API, then answers 504.
  expect((await answer).status()).toBe(504);

  await expect(view.alert).toHaveText(/The AI was not switched: the API did not answer in time\./);
  await expect(view.ai).toHaveAttribute('aria-checked', 'true');
  await expect(view.badge('AI on')).toBeVisible();
  expect(await stubWritesTo(id)).toEqual([
    forwarded(`/conversations/${id}/set-ai-enabled`, '{"enabled":false}'),
  ]);
});

test('a change made offline is set back, saying the agent is offline, and Retry makes it once back online', async ({
  page,
  context,
}) => {
  const id = freshId();
  const view = await openSignedIn(page, id);

  const release = await holdWrites(page);

  await context.setOffline(true);
  await view.button('Resolved').click();
  await expect(view.button('Resolved')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.badge('Status: Resolved')).toBeVisible();
  release();
  await expect(view.alert).toHaveText(/The status was not changed: you are offline\./);
  await expect(view.button('Needs a human')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.badge('Status: Needs a human')).toBeVisible();
  await expect(view.toast).toBeHidden();
  expect(await stubWritesTo(id)).toEqual([]);

  await context.setOffline(false);
  const retried = await writing(page, id, 'set-status', () =>
    view.alert.getByRole('button', { name: 'Retry' }).click(),
  );
  expect(retried.status()).toBe(200);
  await expect(view.button('Resolved')).toHaveAttribute('aria-pressed', 'true');
  await expect(view.badge('Status: Resolved')).toBeVisible();
  await expect(view.alert).toHaveCount(0);
  expect(await stubWritesTo(id)).toEqual([
    forwarded(`/conversations/${id}/set-status`, '{"status":"RESOLVED"}'),
  ]);
  await page.reload();
  await expect(view.badge('Status: Resolved')).toBeVisible();
});

test('a note the API refuses is taken off the list, its text comes back to the box, and Retry sends it as edited', async ({
  page,
}) => {
  const id = freshId('fail403_');
  const noteText = `Customer asked for a refund, ${id}`;
  const view = await openSignedIn(page, id);
  await expect(view.notes.getByText('No notes yet.')).toBeVisible();
  const release = await holdWrites(page);

  await view.noteBox.fill(noteText);
  await view.addNote.click();
  const pending = view.notes.getByRole('listitem').filter({ hasText: noteText });
  await expect(pending).toContainText('Sending…');
  await expect(view.noteBox).toHaveValue('');
  const answer = nextWrite(page, id, 'notes');
  release();
  expect((await answer).status()).toBe(403);

  await expect(view.notes.getByRole('alert')).toHaveText(
    /The note was not added: the API refused it \(no access to this conversation\)\./,
  );
  await expect(pending).toHaveCount(0);
  await expect(view.notes.getByText('No notes yet.')).toBeVisible();
  await expect(view.noteBox).toHaveValue(noteText);

  // Edited, then tried again: what the box holds now is what goes; refused again, it comes back.
  const edited = `${noteText} (urgent)`;
  await view.noteBox.fill(edited);
  const retried = await writing(page, id, 'notes', () =>
    view.notes.getByRole('alert').getByRole('button', { name: 'Retry' }).click(),
  );
  expect(retried.status()).toBe(403);
  await expect(view.noteBox).toHaveValue(edited);
  await expect(view.notes.getByRole('listitem')).toHaveCount(0);
  const path = `/conversations/${id}/notes`;
  expect(await stubWritesTo(id)).toEqual([
    forwarded(path, JSON.stringify({ note: noteText, isPrivate: true })),
    forwarded(path, JSON.stringify({ note: edited, isPrivate: true })),
  ]);
});

test('writes not made from the viewer’s own page, malformed, too heavy, naming someone, by another method or path, or signed out are refused and never reach the API', async ({
  page,
  playwright,
}) => {
  const marker = freshId();
  await openSignedIn(page, marker);
  const write = (name: string, action = 'set-status') =>
    `/api/conversations/${marker}_${name}/${action}`;
  const json = { 'content-type': 'application/json' };
  const ownPage = { ...json, origin: signInOrigin };
  const resolve = '{"status":"RESOLVED"}';
  // Sent byte for byte: a string would be re-encoded as JSON when it is not JSON already.
  const post = (path: string, headers: Record<string, string>, data: string = resolve) =>
    page.request.post(path, { headers, data: Buffer.from(data), maxRedirects: 0 });
  const refusal = async (answer: Awaited<ReturnType<typeof post>>) => ({
    status: answer.status(),
    body: (await answer.json()) as unknown,
  });

  // The same session, from the viewer's own origin: the write goes through, as the page's do.
  const accepted = await post(write('own'), ownPage);
  expect(accepted.status()).toBe(200);

  const fromElsewhere = { error: 'Changes are made from the viewer’s own pages' };
  expect(
    await refusal(await post(write('cross'), { ...json, origin: 'http://evil.example' })),
  ).toEqual({ status: 403, body: fromElsewhere });
  expect(
    await refusal(await post(write('fetchsite'), { ...ownPage, 'sec-fetch-site': 'cross-site' })),
  ).toEqual({ status: 403, body: fromElsewhere });

  expect(await refusal(await post(write('malformed'), ownPage, '{"status":'))).toEqual({
    status: 400,
    body: { error: 'A write must be a JSON object, sent as application/json' },
  });
  const heavy = JSON.stringify({ note: 'x'.repeat(2048) });
  expect(await refusal(await post(write('heavy', 'notes'), ownPage, heavy))).toEqual({
    status: 413,
    body: { error: 'A write may not exceed 1 KB' },
  });
  // The browser never names whom to assign: the server names the signed-in agent.
  expect(
    await refusal(await post(write('named', 'assign'), ownPage, '{"email":"someone@else"}')),
  ).toEqual({ status: 400, body: { error: 'Invalid body for assign' } });

  const deleted = await page.request.delete(`/api/conversation/${marker}_delete`, {
    headers: ownPage,
  });
  expect(deleted.status()).toBe(405);
  expect(deleted.headers().allow).toBe('GET, HEAD');

  // Nobody signed in: refused for that first, whatever page it claims to come from.
  const signedOut = await playwright.request.newContext({ baseURL: signInOrigin });
  const anonymous = await signedOut.post(write('signedout'), {
    headers: ownPage,
    data: Buffer.from(resolve),
    maxRedirects: 0,
  });
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()['x-viewer-sign-in']).toBe('required');
  await signedOut.dispose();

  // Of all these, only the accepted write reached the API, rebuilt, and without any origin.
  expect((await stubCallsFor(`${marker}_`)).filter((call) => call.method !== 'GET')).toEqual([
    forwarded(`/conversations/${marker}_own/set-status`, resolve),
  ]);
  expect(
    (await stubCallsFor(`${marker}_`)).filter((call) => !call.path.includes(`${marker}_own`)),
  ).toEqual([]);
});

test('every write is audited with who made it, what it changed from and to, and how it ended; a refused one too; never a note’s text', async ({
  page,
}) => {
  const id = freshId();
  const noteText = `Private remark ${id}: customer prefers a call`;
  const view = await openSignedIn(page, id);

  expect(
    (await writing(page, id, 'set-status', () => view.button('Resolved').click())).status(),
  ).toBe(200);
  expect((await writing(page, id, 'assign', () => view.assignToMe.click())).status()).toBe(409);
  const takeOver = view.alert.getByRole('button', { name: 'Take it over' });
  expect((await writing(page, id, 'assign', () => takeOver.click())).status()).toBe(200);
  await view.noteBox.fill(noteText);
  expect((await writing(page, id, 'notes', () => view.addNote.click())).status()).toBe(201);
  await expect(view.notes.getByRole('listitem').filter({ hasText: noteText })).toBeVisible();
  const crossSite = await page.request.post(`/api/conversations/${id}/set-priority`, {
    headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
    data: Buffer.from('{"priority":"LOW"}'),
  });
  expect(crossSite.status()).toBe(403);

  const line = (action: string, rest: Record<string, unknown>) => ({
    time: expect.any(String),
    event: 'api',
    user: agent,
    method: 'POST',
    path: `/conversations/${id}/${action}`,
    conversationId: id,
    durationMs: expect.any(Number),
    ...rest,
  });
  const before = ['agent1@example.com'];
  await expect.poll(() => auditedWritesTo(id)).toHaveLength(5);
  const lines = auditedWritesTo(id);
  expect(lines).toContainEqual(
    line('set-status', {
      change: { field: 'status', from: 'HUMAN_REQUESTED', to: 'RESOLVED' },
      status: 200,
    }),
  );
  expect(lines).toContainEqual(
    line('assign', { change: { field: 'assignee', from: before, to: agent }, status: 409 }),
  );
  expect(lines).toContainEqual(
    line('assign', {
      change: { field: 'assignee', from: before, to: agent, force: true },
      status: 200,
    }),
  );
  expect(lines).toContainEqual(
    line('notes', { change: { field: 'note', to: 'new private note' }, status: 201 }),
  );
  expect(lines).toContainEqual(
    line('set-priority', { status: 403, refused: 'not-from-viewer-page' }),
  );

  const log = readFileSync(signInLogPath, 'utf8');
  expect(log).not.toContain(noteText);
  expect(log).not.toContain(e2eApiKey);
});

test('a conversation resolved from its page leaves the open queue of the triage list', async ({
  page,
}) => {
  const id = freshId();
  // Signing in by its deep link puts the conversation in the stub's list.
  await openSignedIn(page, id);
  await page.goto(`/conversations?q=${id}`);
  const list = page.getByRole('list', { name: 'Conversations' });
  const row = list.getByRole('link', { name: new RegExp(`Action test ${id}`) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Needs a human');

  await row.click();
  await expect(page.getByRole('heading', { level: 1, name: `Action test ${id}` })).toBeVisible();
  const view = conversationPage(page);
  const resolved = await writing(page, id, 'set-status', () => view.button('Resolved').click());
  expect(resolved.status()).toBe(200);
  await expect(view.badge('Status: Resolved')).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(`${signInOrigin}/conversations?q=${id}`);
  await expect(row).toHaveCount(0);
  // Still there with the resolved ones, marked so.
  await page.goto(`/conversations?status=all&q=${id}`);
  await expect(row).toContainText('Resolved');
});
