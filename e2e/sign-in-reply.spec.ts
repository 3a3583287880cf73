/**
 * Answering the customer from the conversation page, signed in at the real OpenID provider,
 * through the viewer's own `/api` proxy to the stub API, which records every call and answers the
 * send as the contract does. Each test has a conversation of its own (`act_…`).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { e2eApiKey, signInLogPath, signInOrigin, signInStubUrl } from './support/servers';
import { signInAtProvider } from './support/sign-in';
import {
  agent,
  auditedWritesTo,
  forwarded,
  freshId,
  holdPosts,
  openSignedIn,
  stubCallsFor,
} from './support/signed-in-agent';

const sendPath = (id: string) => `/conversation/message/conversationId/${id}`;

/** The sends that reached the stub API for conversation `id`. */
const stubSendsTo = async (id: string) =>
  (await stubCallsFor(id)).filter((call) => call.method === 'POST');

/** The customer of conversation `id` writes to it, as from their phone. */
const customerWrites = (id: string, text: string) =>
  fetch(`${signInStubUrl}/__customer-message/${id}`, { method: 'POST', body: text });

/** Holds the page's sends until released, so "sending" can be seen. */
const holdSends = (page: Page) => holdPosts(page, '**/api/conversation/message/**');

test('an agent answers the customer: shown as sending, then sent; it reaches the API once, trimmed, with the key alone; it stays after a reload; the audit line gives its length, never its text', async ({
  page,
}) => {
  const id = freshId();
  const view = await openSignedIn(page, id);
  await expect(view.messages.getByText('Olá! Meu pedido ainda não chegou.')).toBeVisible();
  await expect(page.getByText(/^You can answer for 2[34] h more\.$/)).toBeVisible();
  await expect(page.getByText(/Goes to the customer on WhatsApp/)).toBeVisible();

  await view.replyBox.fill('  Olá! Seu pedido saiu para entrega hoje.');
  await view.replyBox.press('Enter');
  await view.replyBox.pressSequentially('Chega até amanhã.  ');
  await expect(page.getByText('57 of 4,096 characters')).toBeVisible();
  const release = await holdSends(page);
  await view.send.click();
  const sending = view.messages.getByRole('listitem').filter({ hasText: 'Sending…' });
  await expect(sending).toContainText('Olá! Seu pedido saiu para entrega hoje.');
  await expect(page.getByRole('button', { name: 'Sending…' })).toBeVisible();
  release();

  await expect(page.getByRole('status').filter({ hasText: 'Sent to the customer.' })).toBeVisible();
  await expect(sending).toHaveCount(0);
  await expect(view.messages.getByText('Chega até amanhã.')).toBeVisible();
  await expect(view.replyBox).toHaveValue('');
  const text = 'Olá! Seu pedido saiu para entrega hoje.\nChega até amanhã.';
  expect(await stubSendsTo(id)).toEqual([
    forwarded(sendPath(id), JSON.stringify({ message: text })),
  ]);

  await page.reload();
  await expect(view.messages.getByText('Chega até amanhã.')).toBeVisible();
  await expect(view.replyBox).toHaveValue('');

  await expect.poll(() => auditedWritesTo(id)).toHaveLength(1);
  expect(auditedWritesTo(id)[0]).toEqual({
    time: expect.any(String),
    event: 'api',
    user: agent,
    method: 'POST',
    path: sendPath(id),
    conversationId: id,
    status: 200,
    durationMs: expect.any(Number),
    change: { field: 'message', to: 'message to the customer', length: text.length },
  });
  const log = readFileSync(signInLogPath, 'utf8');
  expect(log).not.toContain('Chega até amanhã');
  expect(log).not.toContain(e2eApiKey);
});

test('the draft comes back after a reload, and after the session ends and the agent signs in again', async ({
  page,
}) => {
  const id = freshId();
  const view = await openSignedIn(page, id);
  const draft = 'Oi! Estou verificando com a transportadora e';
  await view.replyBox.fill(draft);

  await page.reload();
  await expect(view.replyBox).toHaveValue(draft);

  // The session ends (its cookie gone, as when it expires); the next visit signs in again.
  await page.context().clearCookies();
  await page.goto(`/conversations/${id}`);
  await signInAtProvider(page, agent);
  await expect(page).toHaveURL(`${signInOrigin}/conversations/${id}`);
  await expect(view.replyBox).toHaveValue(draft);
  expect(await stubSendsTo(id)).toEqual([]);
});

test('a send whose answer is lost after the API took it is found in the transcript and shown as sent, never sent twice', async ({
  page,
}) => {
  const id = freshId('drop_');
  const view = await openSignedIn(page, id);
  await view.replyBox.fill('Reembolso aprovado.');
  // Held down, Ctrl+Enter repeats: it still sends once.
  await view.replyBox.focus();
  await page.keyboard.down('Control');
  for (let repeat = 0; repeat < 4; repeat += 1) await page.keyboard.down('Enter');
  await page.keyboard.up('Enter');
  await page.keyboard.up('Control');

  await expect(page.getByRole('status').filter({ hasText: 'Sent to the customer.' })).toBeVisible();
  await expect(view.messages.getByText('Reembolso aprovado.')).toHaveCount(1);
  await expect(view.replyBox).toHaveValue('');
  expect(await stubSendsTo(id)).toHaveLength(1);
  // The API took it; the viewer's server lost the answer and said so.
  await expect.poll(() => auditedWritesTo(id).map((line) => line.status)).toEqual([502]);
});

test('a closed 24-hour window is said before the agent types; a refusal with 406 says the same and keeps the text', async ({
  page,
}) => {
  const closed = freshId('closed_');
  const view = await openSignedIn(page, closed);
  await expect(
    page.getByRole('note').filter({ hasText: /The 24-hour window to answer on WhatsApp closed/ }),
  ).toBeVisible();
  await expect(view.replyBox).toBeDisabled();

  // Told (wrongly) that the customer has just written, the page offers the reply; the API refuses.
  const other = freshId('closed_');
  await page.route(`**/api/conversation/${other}/messages/*`, async (route) => {
    const answer = await route.fetch();
    const body = (await answer.json()) as { messages: object[] };
    const now = new Date().toISOString();
    body.messages.push({ id: 'm_now', from: 'human', contactId: 'c', text: 'Oi', createdAt: now });
    await route.fulfill({ response: answer, json: body });
  });
  await page.goto(`/conversations/${other}`);
  await view.replyBox.fill('Ainda posso ajudar?');
  await view.send.click();
  await expect(page.getByRole('alert')).toContainText(
    'The message was not sent: the 24-hour window to answer has closed',
  );
  await expect(view.replyBox).toHaveValue('Ainda posso ajudar?');
  expect((await stubSendsTo(other)).length).toBe(1);
});

test('a customer message arriving while the agent writes appears, is announced, and leaves the reply as it was', async ({
  page,
}) => {
  const id = freshId();
  const view = await openSignedIn(page, id);
  await view.replyBox.fill('Vou verificar o');
  await customerWrites(id, 'Alguém pode me ajudar, por favor?');

  await expect(view.messages.getByText('Alguém pode me ajudar, por favor?')).toBeVisible({
    timeout: 8_000,
  });
  await expect(
    page.getByRole('status').filter({ hasText: 'New message from the contact' }),
  ).toHaveText('New message from the contact: Alguém pode me ajudar, por favor?');
  await expect(view.replyBox).toHaveValue('Vou verificar o');
  await expect(view.replyBox).toBeFocused();
});

test('sends to a phone number or an address, with fields of the browser’s choosing, from another site or signed out are refused and never reach the API', async ({
  page,
  playwright,
}) => {
  const marker = freshId();
  await openSignedIn(page, marker);
  const ownPage = { 'content-type': 'application/json', origin: signInOrigin };
  const post = (path: string, data: object, headers: Record<string, string> = ownPage) =>
    page.request.post(`/api${path}`, { headers, data: Buffer.from(JSON.stringify(data)) });
  const hello = { message: 'Olá' };

  expect((await post('/conversation/message/phone/5511988887777', hello)).status()).toBe(404);
  expect((await post('/conversation/message/email/someone@example.com', hello)).status()).toBe(404);
  for (const extra of [
    { channel: 'whatsapp' },
    { agentId: 'agent_2' },
    { contactId: 'ct_9' },
    { attachments: [{ url: 'https://example.com/a.pdf', name: 'a', mimeType: 'x' }] },
  ]) {
    expect((await post(sendPath(`${marker}_extra`), { ...hello, ...extra })).status()).toBe(400);
  }
  expect((await post(sendPath(`${marker}_blank`), { message: ' \n ' })).status()).toBe(400);
  expect(
    (
      await post(sendPath(`${marker}_cross`), hello, {
        ...ownPage,
        origin: 'http://evil.example',
      })
    ).status(),
  ).toBe(403);
  const signedOut = await playwright.request.newContext({ baseURL: signInOrigin });
  const anonymous = await signedOut.post(`/api${sendPath(`${marker}_signedout`)}`, {
    headers: ownPage,
    data: Buffer.from(JSON.stringify(hello)),
  });
  expect(anonymous.status()).toBe(401);
  await signedOut.dispose();

  expect((await stubCallsFor(`${marker}_`)).concat(await stubCallsFor('5511988887777'))).toEqual(
    [],
  );
});
