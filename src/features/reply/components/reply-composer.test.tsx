import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { getResponse, http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writePath } from '@/config/conversation-writes';
import { applyLocale } from '@/features/language/locale';
import { apiRequest, REQUEST_TIMEOUT_MS } from '@/lib/api-client';
import { TRANSCRIPT_REFRESH_MS } from '@/lib/transcript/queries';
import { handlers } from '@/mocks/handlers';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/server';
import { readDraft, saveDraft } from '../drafts';
// The page loads these lazily; importing them here transforms them before the first test's clock.
import '@/features/transcript/components/transcript-panel';
import './reply-composer';

// The demo's conversations (src/mocks/handlers.ts): on WhatsApp, the customer wrote 25 minutes
// before the demo first shows the messages, so 23 h 35 min are left to answer…
const WHATSAPP = 'conv_wa_7Hk2pQ';
// …on Instagram, days ago: the window has closed.
const INSTAGRAM = 'conv_ig_Lm93xA';
// On Telegram, which has no window.
const TELEGRAM = 'conv_tg_5512';

const sendPath = '/api/conversation/message/conversationId/:id';
const messagesPath = '/api/conversation/:id/messages/:count';
/** How long after a send whose answer was lost it may still land (the composer's own rule). */
const SEND_SETTLES_MS = REQUEST_TIMEOUT_MS + 10_000;

/** jsdom lays nothing out: give the scroll region a tall viewport, so every loaded row renders. */
function tallViewport() {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(100_000);
}

/** The text of every message the page sends to a customer, in order, whatever answers it. */
function recordSends() {
  const sent: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const { pathname } = new URL(request.url);
    if (request.method !== 'POST' || !pathname.startsWith('/api/conversation/message/')) return;
    const at = sent.push('') - 1;
    void request
      .clone()
      .json()
      .then((body: { message: string }) => (sent[at] = body.message));
  });
  return sent;
}

/** Holds the sends until released, then lets the demo answer them as the API would. */
function holdSends() {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  server.use(
    http.post(sendPath, async () => {
      await held;
    }),
  );
  return { release };
}

/** The demo API takes the next send (it reaches the conversation), but its answer is lost. */
const loseNextAnswerAfterSending = (then: () => void = () => undefined) =>
  server.use(
    http.post(
      sendPath,
      async ({ request }) => {
        await getResponse(handlers, request);
        then();
        return HttpResponse.error();
      },
      { once: true },
    ),
  );

/** A moment for anything the page would do by itself (a send, a check) to happen. */
const aMoment = () => act(() => vi.advanceTimersByTimeAsync(2000));

/** Opens a conversation and waits for its reply, which comes after the messages. */
async function openComposer(id: string) {
  const view = renderApp(`/conversations/${id}`);
  await screen.findByRole('textbox', { name: 'Reply to the customer' });
  return view;
}

const transcript = () => screen.getByRole('region', { name: 'Transcript' });
const messageList = () => within(within(transcript()).getByRole('region', { name: 'Messages' }));
const field = () => screen.getByRole('textbox', { name: 'Reply to the customer' });
/** The reply's own part of the panel: the form around the field. */
const composer = () => within(field().closest('form')!);
const sendButton = () => composer().getByRole('button', { name: 'Send on WhatsApp' });
const ctrlEnter = '{Control>}{Enter}{/Control}';

describe('reply composer', () => {
  beforeEach(() => {
    server.events.removeAllListeners();
    tallViewport();
    // Real time still runs (MSW and Testing Library need it); tests jump ahead on purpose.
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => vi.useRealTimers());

  it('sits under the messages, says where the reply goes, counts characters and the time left', async () => {
    const { user } = await openComposer(WHATSAPP);
    const messages = within(transcript()).getByRole('region', { name: 'Messages' });
    expect(messages.compareDocumentPosition(field()) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(field()).toHaveAccessibleDescription(
      'Goes to the customer on WhatsApp, from the organization’s account; the audit log records that you sent it. Enter adds a line; Ctrl+Enter (⌘+Enter) sends. 0 of 4,096 characters',
    );
    expect(composer().getByText('0 of 4,096 characters')).toBeVisible();
    expect(composer().getByText('You can answer for 23 h more.')).toBeVisible();

    await user.type(field(), 'Olá!!');
    expect(composer().getByText('5 of 4,096 characters')).toBeVisible();
    expect(composer().queryByText('0 of 4,096 characters')).not.toBeInTheDocument();
  });

  it('adds a line on Enter, and sends on Ctrl+Enter', async () => {
    const sent = recordSends();
    const { user } = await openComposer(WHATSAPP);
    expect(sendButton()).toBeVisible();

    await user.type(field(), 'Oi, Carla!{Enter}Já vejo seu pedido.');
    expect(field()).toHaveValue('Oi, Carla!\nJá vejo seu pedido.');
    await user.keyboard(ctrlEnter);

    expect(await composer().findByText('Sent to the customer.')).toBeVisible();
    // One send, with both lines: Enter sent nothing.
    expect(sent).toEqual(['Oi, Carla!\nJá vejo seu pedido.']);
  });

  it('shows the message as sending until the API answers, then as sent, and empties the box', async () => {
    const sent = recordSends();
    const { release } = holdSends();
    const { user } = await openComposer(WHATSAPP);

    await user.type(field(), '  Seu pedido foi reenviado hoje.  ');
    await user.click(sendButton());
    const row = (await messageList().findByText('Seu pedido foi reenviado hoje.')).closest('li')!;
    expect(within(row).getByText('Sending…')).toBeVisible();
    expect(composer().getByRole('button', { name: 'Sending…' })).toBeVisible();
    // The text stays in the box until the send is done, and cannot be changed meanwhile.
    expect(field()).toHaveValue('  Seu pedido foi reenviado hoje.  ');
    expect(field()).toHaveAttribute('readonly');

    release();
    expect(await composer().findByText('Sent to the customer.')).toHaveAttribute('role', 'status');
    await waitFor(() => expect(messageList().queryByText('Sending…')).not.toBeInTheDocument());
    expect(messageList().getByText('Seu pedido foi reenviado hoje.')).toBeVisible();
    expect(field()).toHaveValue('');
    expect(field()).not.toHaveAttribute('readonly');
    expect(composer().getByText('0 of 4,096 characters')).toBeVisible();
    expect(sent).toEqual(['Seu pedido foi reenviado hoje.']);
  });

  it('sends once on a double click', async () => {
    const sent = recordSends();
    const { release } = holdSends();
    const { user } = await openComposer(WHATSAPP);

    await user.type(field(), 'Um só envio, por favor.');
    await user.dblClick(sendButton());
    await aMoment();
    release();
    expect(await composer().findByText('Sent to the customer.')).toBeVisible();
    await aMoment();
    expect(sent).toEqual(['Um só envio, por favor.']);
    expect(messageList().getAllByText('Um só envio, por favor.')).toHaveLength(1);
  });

  it('sends once on two clicks that come before the page has redrawn', async () => {
    const sent = recordSends();
    const { release } = holdSends();
    const { user } = await openComposer(WHATSAPP);

    await user.type(field(), 'Cliquei rápido demais.');
    const button = sendButton();
    // Both within one batch of React's: the second click comes before the page knows of the first.
    act(() => {
      fireEvent.click(button);
      fireEvent.click(button);
    });
    await aMoment();
    release();
    expect(await composer().findByText('Sent to the customer.')).toBeVisible();
    await aMoment();
    expect(sent).toEqual(['Cliquei rápido demais.']);
  });

  it('sends once when Ctrl+Enter is held down', async () => {
    const sent = recordSends();
    const { release } = holdSends();
    const { user } = await openComposer(WHATSAPP);

    await user.type(field(), 'Segurei a tecla.');
    // Five keydowns, the last four repeats, then the keys come up.
    await user.keyboard('{Control>}{Enter>5/}{/Control}');
    await aMoment();
    release();
    expect(await composer().findByText('Sent to the customer.')).toBeVisible();
    await aMoment();
    expect(sent).toEqual(['Segurei a tecla.']);
  });

  it('keeps the text with the reason when the API refuses, and sends it again on request', async () => {
    const sent = recordSends();
    server.use(
      http.post(
        sendPath,
        () => HttpResponse.json({ error: 'ERR_META_SESSION_EXPIRED_24H' }, { status: 406 }),
        { once: true },
      ),
    );
    const { user } = await openComposer(WHATSAPP);

    await user.type(field(), 'Posso ajudar em algo mais?');
    await user.keyboard(ctrlEnter);
    expect(await composer().findByRole('alert')).toHaveTextContent(
      'The message was not sent: the 24-hour window to answer has closed; the customer must write first.',
    );
    expect(field()).toHaveValue('Posso ajudar em algo mais?');
    expect(messageList().queryByText('Posso ajudar em algo mais?')).not.toBeInTheDocument();

    server.use(http.post(sendPath, () => new HttpResponse(null, { status: 403 }), { once: true }));
    await user.click(sendButton());
    await waitFor(() =>
      expect(composer().getByRole('alert')).toHaveTextContent(
        'The message was not sent: the API refused it (no access to this conversation).',
      ),
    );
    expect(field()).toHaveValue('Posso ajudar em algo mais?');

    await user.click(sendButton());
    expect(await composer().findByText('Sent to the customer.')).toBeVisible();
    expect(composer().queryByRole('alert')).not.toBeInTheDocument();
    expect(field()).toHaveValue('');
    expect(await messageList().findByText('Posso ajudar em algo mais?')).toBeVisible();
    expect(sent).toEqual([
      'Posso ajudar em algo mais?',
      'Posso ajudar em algo mais?',
      'Posso ajudar em algo mais?',
    ]);
  });

  it('finds a send whose answer was lost in the transcript, and says it was sent', async () => {
    const sent = recordSends();
    loseNextAnswerAfterSending();
    const { user } = await openComposer(WHATSAPP);

    await user.type(field(), 'Chegou? A resposta se perdeu.');
    await user.keyboard(ctrlEnter);
    expect(await composer().findByText('Sent to the customer.')).toBeVisible();
    expect(field()).toHaveValue('');
    expect(messageList().getByText('Chegou? A resposta se perdeu.')).toBeVisible();
    expect(messageList().queryByText('Sending…')).not.toBeInTheDocument();
    expect(readDraft(WHATSAPP)).toBeNull();
    expect(sent).toHaveLength(1);
  });

  it('says a lost send is probably not sent once it would have landed, and sends again only on request', async () => {
    const sent = recordSends();
    server.use(http.post(sendPath, () => HttpResponse.error(), { once: true }));
    const { user } = await openComposer(WHATSAPP);

    await user.type(field(), 'Confirma o CEP, por favor?');
    await user.keyboard(ctrlEnter);
    expect(
      await composer().findByText(
        'No answer came back: checking whether the message reached the conversation…',
      ),
    ).toBeVisible();
    // Meanwhile nothing is sent, whatever the agent presses.
    expect(field()).toHaveAttribute('readonly');
    expect(sendButton()).toHaveAttribute('aria-disabled', 'true');
    await user.keyboard(ctrlEnter);
    await user.click(sendButton());
    await act(() => vi.advanceTimersByTimeAsync(SEND_SETTLES_MS - 5000));
    expect(composer().getByText(/checking whether the message reached/)).toBeVisible();
    expect(sent).toHaveLength(1);

    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(await composer().findByRole('alert')).toHaveTextContent(
      'No answer came back, and the message is not in the conversation: it was probably not sent.',
    );
    expect(field()).toHaveValue('Confirma o CEP, por favor?');
    // Never again by itself, however long the page stays open.
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(sent).toHaveLength(1);

    await user.click(composer().getByRole('button', { name: 'Send it again' }));
    expect(await composer().findByText('Sent to the customer.')).toBeVisible();
    expect(sent).toEqual(['Confirma o CEP, por favor?', 'Confirma o CEP, por favor?']);
    expect(messageList().getAllByText('Confirma o CEP, por favor?')).toHaveLength(1);
  });

  it('offers to check again when the transcript cannot be read after a lost answer, sending nothing', async () => {
    const sent = recordSends();
    let transcriptDown = false;
    loseNextAnswerAfterSending(() => (transcriptDown = true));
    server.use(
      http.get(messagesPath, () =>
        transcriptDown ? HttpResponse.json({ error: 'boom' }, { status: 503 }) : undefined,
      ),
    );
    const { user } = await openComposer(WHATSAPP);

    await user.type(field(), 'Foi ou não foi?');
    await user.keyboard(ctrlEnter);
    const alert = await composer().findByRole('alert');
    expect(alert).toHaveTextContent(
      'No answer came back, and the conversation could not be read to check: the message may have been sent. It is not sent again by itself.',
    );
    expect(field()).toHaveValue('Foi ou não foi?');
    expect(field()).toHaveAttribute('readonly');
    await user.keyboard(ctrlEnter);
    await act(() => vi.advanceTimersByTimeAsync(SEND_SETTLES_MS + 30_000));
    expect(sent).toHaveLength(1);
    expect(composer().getByRole('alert')).toHaveTextContent(/could not be read to check/);

    transcriptDown = false;
    await user.click(
      within(composer().getByRole('alert')).getByRole('button', { name: 'Check again' }),
    );
    expect(await composer().findByText('Sent to the customer.')).toBeVisible();
    expect(field()).toHaveValue('');
    expect(sent).toHaveLength(1);
  });

  it('says the message was not sent when the browser is offline, keeping the text', async () => {
    const sent = recordSends();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { user } = await openComposer(WHATSAPP);

    await user.type(field(), 'Sem rede por aqui.');
    await user.keyboard(ctrlEnter);
    expect(await composer().findByRole('alert')).toHaveTextContent(
      'The message was not sent: you are offline.',
    );
    expect(field()).toHaveValue('Sem rede por aqui.');
    await aMoment();
    expect(sent).toEqual([]);
  });

  it('after leaving mid-send and coming back, shows the send under way, then sent, once', async () => {
    const sent = recordSends();
    const { release } = holdSends();
    const { user, navigate } = await openComposer(WHATSAPP);
    await user.type(field(), 'Saí no meio do envio.');
    await user.click(sendButton());

    act(() => void navigate(`/conversations/${TELEGRAM}`));
    expect(await screen.findByRole('button', { name: 'Send on Telegram' })).toBeVisible();
    act(() => void navigate(`/conversations/${WHATSAPP}`));
    expect(await screen.findByRole('button', { name: 'Sending…' })).toBeVisible();
    expect(field()).toHaveValue('Saí no meio do envio.');
    expect(field()).toHaveAttribute('readonly');
    const row = messageList().getByText('Saí no meio do envio.').closest('li')!;
    expect(within(row).getByText('Sending…')).toBeVisible();

    release();
    expect(await composer().findByText('Sent to the customer.')).toBeVisible();
    expect(field()).toHaveValue('');
    expect(messageList().queryByText('Sending…')).not.toBeInTheDocument();
    await aMoment();
    expect(sent).toEqual(['Saí no meio do envio.']);
  });

  it('keeps the draft while the agent looks at another conversation', async () => {
    const { user, navigate } = await openComposer(WHATSAPP);
    await user.type(field(), 'Rascunho para a Carla');

    act(() => void navigate(`/conversations/${TELEGRAM}`));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Cobrança duplicada no cartão' }),
    ).toBeVisible();
    expect(await screen.findByRole('button', { name: 'Send on Telegram' })).toBeVisible();
    expect(field()).toHaveValue('');

    act(() => void navigate(`/conversations/${WHATSAPP}`));
    expect(await screen.findByRole('button', { name: 'Send on WhatsApp' })).toBeVisible();
    expect(field()).toHaveValue('Rascunho para a Carla');
  });

  it('forgets the draft once it is sent', async () => {
    const { user, unmount } = await openComposer(WHATSAPP);
    await user.type(field(), 'Enviado e esquecido.');
    unmount();
    await openComposer(WHATSAPP);
    expect(field()).toHaveValue('Enviado e esquecido.');

    await user.click(sendButton());
    expect(await composer().findByText('Sent to the customer.')).toBeVisible();
    expect(readDraft(WHATSAPP)).toBeNull();
  });

  it('after a reload mid-send, checks the transcript before it lets the agent send', async () => {
    const sent = recordSends();
    saveDraft(WHATSAPP, {
      text: 'Enviado antes de recarregar.',
      pending: { startedAt: Date.now(), alreadyThere: [] },
    });
    const { user } = await openComposer(WHATSAPP);

    expect(field()).toHaveValue('Enviado antes de recarregar.');
    expect(
      composer().getByText(
        'No answer came back: checking whether the message reached the conversation…',
      ),
    ).toBeVisible();
    expect(field()).toHaveAttribute('readonly');
    await user.click(sendButton());
    await user.keyboard(ctrlEnter);
    await aMoment();
    expect(sent).toEqual([]);

    await act(() => vi.advanceTimersByTimeAsync(SEND_SETTLES_MS));
    expect(await composer().findByRole('alert')).toHaveTextContent(/it was probably not sent/);
    expect(composer().getByRole('button', { name: 'Send it again' })).toBeVisible();
    expect(sent).toEqual([]);
  });

  it('after a reload mid-send, says sent when the message reached the conversation', async () => {
    const text = 'Chegou antes do recarregamento.';
    const startedAt = Date.now();
    // The API took it; the page was reloaded before its answer came back.
    await apiRequest(writePath(WHATSAPP, 'message'), { method: 'POST', body: { message: text } });
    saveDraft(WHATSAPP, { text, pending: { startedAt, alreadyThere: [] } });
    const sent = recordSends();
    await openComposer(WHATSAPP);

    expect(await composer().findByText('Sent to the customer.')).toBeVisible();
    expect(field()).toHaveValue('');
    expect(readDraft(WHATSAPP)).toBeNull();
    expect(messageList().getByText(text)).toBeVisible();
    expect(sent).toEqual([]);
  });

  it('follows a send from another tab: checking while it goes, writable again once it is done', async () => {
    const sent = recordSends();
    await openComposer(WHATSAPP);
    const text = 'Enviado pela outra aba.';
    // Where every tab of this browser keeps the conversation's draft (drafts.ts).
    const key = `conversation-viewer:reply-draft:${WHATSAPP}`;
    /** What the browser tells this tab when another one changes the draft. */
    const otherTabStores = (draft: object | null) =>
      act(() => {
        const newValue = draft && JSON.stringify({ ...draft, savedAt: Date.now() });
        window.dispatchEvent(new StorageEvent('storage', { key, newValue }));
      });

    otherTabStores({ text, pending: { startedAt: Date.now(), alreadyThere: [] } });
    expect(field()).toHaveValue(text);
    expect(field()).toHaveAttribute('readonly');
    expect(
      await composer().findByText(
        'No answer came back: checking whether the message reached the conversation…',
      ),
    ).toBeVisible();
    await aMoment();

    // The other tab's send is answered: it clears the draft.
    await apiRequest(writePath(WHATSAPP, 'message'), { method: 'POST', body: { message: text } });
    otherTabStores(null);
    await waitFor(() => expect(field()).not.toHaveAttribute('readonly'));
    expect(field()).toHaveValue('');
    expect(composer().queryByText(/checking whether the message reached/)).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(TRANSCRIPT_REFRESH_MS));
    expect(await messageList().findByText(text)).toBeVisible();

    // Refused there: the text comes back here to edit, with nothing pending.
    otherTabStores({
      text: 'Recusado na outra aba.',
      pending: { startedAt: Date.now(), alreadyThere: [] },
    });
    expect(field()).toHaveAttribute('readonly');
    otherTabStores({ text: 'Recusado na outra aba.' });
    await waitFor(() => expect(field()).not.toHaveAttribute('readonly'));
    expect(field()).toHaveValue('Recusado na outra aba.');
    // Only the other tab's send reached the API: this one sent nothing.
    expect(sent).toEqual([text]);
  });

  it('says the window has closed, before any typing, and takes no reply', async () => {
    const sent = recordSends();
    const { user } = await openComposer(INSTAGRAM);

    expect(composer().getByRole('note')).toHaveTextContent(
      /^The 24-hour window to answer on Instagram closed .+ ago: the platform takes no reply until the customer writes again\.$/,
    );
    expect(field()).toBeDisabled();
    const button = composer().getByRole('button', { name: 'Send on Instagram' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    await aMoment();
    expect(sent).toEqual([]);
  });

  it('says how many characters are too many, and does not send', async () => {
    const sent = recordSends();
    const { user } = await openComposer(WHATSAPP);

    await user.click(field());
    await user.paste('x'.repeat(4100));
    expect(composer().getByText('4 characters too many')).toBeVisible();
    expect(field()).toHaveAttribute('aria-invalid', 'true');
    expect(sendButton()).toHaveAttribute('aria-disabled', 'true');
    await user.keyboard(ctrlEnter);
    await user.click(sendButton());
    await aMoment();
    expect(sent).toEqual([]);

    await user.click(field());
    await user.keyboard('{Backspace>4/}');
    expect(composer().getByText('4,096 of 4,096 characters')).toBeVisible();
    expect(sendButton()).not.toHaveAttribute('aria-disabled');
  });

  it('shows and announces the customer’s new message while the agent writes, leaving the box alone', async () => {
    const news = 'Achei o código de rastreio aqui!';
    let customerWrote = false;
    server.use(
      http.get(messagesPath, async ({ request, params }) => {
        if (!customerWrote || params.id !== WHATSAPP) return undefined;
        const answer = (await (await getResponse(handlers, request))!.json()) as {
          messages: unknown[];
        };
        const createdAt = new Date().toISOString();
        answer.messages.push({
          id: 'msg_customer_news',
          from: 'human',
          contactId: 'ct_carla',
          text: news,
          read: false,
          createdAt,
        });
        return HttpResponse.json(answer);
      }),
    );
    const { user } = await openComposer(WHATSAPP);
    await user.type(field(), 'Estou verificando');

    customerWrote = true;
    await act(() => vi.advanceTimersByTimeAsync(TRANSCRIPT_REFRESH_MS + 1000));
    expect(await messageList().findByText(news)).toBeVisible();
    expect(screen.getByText(`New message from the contact: ${news}`)).toHaveAttribute(
      'role',
      'status',
    );
    expect(field()).toHaveValue('Estou verificando');
    expect(field()).toHaveFocus();
  });

  it('speaks Portuguese', async () => {
    await applyLocale('pt-BR');
    renderApp(`/conversations/${WHATSAPP}`);
    const box = await screen.findByRole('textbox', { name: 'Responder ao cliente' });
    const form = within(box.closest('form')!);
    expect(form.getByRole('button', { name: 'Enviar pelo WhatsApp' })).toBeVisible();
    expect(form.getByText('0 de 4.096 caracteres')).toBeVisible();
    expect(form.getByText('Você pode responder por mais 23 h.')).toBeVisible();
  });
});
