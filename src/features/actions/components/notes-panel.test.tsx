import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/server';

// The demo seeds two notes on this conversation (Rafael's private one, then Ana's public one)…
const WITH_NOTES = 'conv_wa_7Hk2pQ';
// …and none on this one.
const WITHOUT_NOTES = 'conv_ml_0091';

const notesPath = '/api/conversations/:id/notes';

/** Records the body of every note the page sends, as sent, whatever answers it. */
function recordNotesSent() {
  const sent: string[] = [];
  server.events.on('request:start', ({ request }) => {
    if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/notes')) return;
    const at = sent.push('') - 1;
    void request
      .clone()
      .text()
      .then((body) => (sent[at] = body));
  });
  return sent;
}

/** Holds the answer to the next note until released, so what shows meanwhile can be seen. */
function holdNextNote() {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  server.use(
    http.post(
      notesPath,
      async () => {
        await held;
      },
      { once: true },
    ),
  );
  return { release };
}

/** Opens a conversation and waits for its notes, which load after the page's first render. */
async function openNotes(id: string) {
  const view = renderApp(`/conversations/${id}`);
  await screen.findByRole('region', { name: 'Notes' });
  return view;
}

const notes = () => within(screen.getByRole('region', { name: 'Notes' }));
const field = () => notes().getByRole('textbox', { name: 'Add a private note' });
const addButton = () => notes().getByRole('button', { name: 'Add note' });
const noteItems = () => notes().getAllByRole('listitem');

describe('notes', () => {
  afterEach(() => server.events.removeAllListeners());

  it('lists the notes oldest first, each with its author, and marks the private ones', async () => {
    await openNotes(WITH_NOTES);
    await waitFor(() => expect(noteItems()).toHaveLength(2));
    const [first, second] = noteItems();

    expect(first).toHaveTextContent(/Correios confirmou extravio do pedido #48213/);
    expect(within(first!).getByText('rafael.lima@lojaexemplo.com.br')).toBeVisible();
    expect(within(first!).getByText('Private')).toBeVisible();

    expect(second).toHaveTextContent(/Cliente VIP: liberado cupom de 15%/);
    expect(within(second!).getByText('ana.costa@lojaexemplo.com.br')).toBeVisible();
    expect(within(second!).queryByText('Private')).not.toBeInTheDocument();
  });

  it('says there are no notes yet, and still offers to add one', async () => {
    await openNotes(WITHOUT_NOTES);
    expect(await notes().findByText('No notes yet.')).toBeVisible();
    expect(field()).toBeVisible();
    expect(notes().queryByRole('listitem')).not.toBeInTheDocument();
  });

  it('counts the characters as one types, and stops at 500', async () => {
    const { user } = await openNotes(WITH_NOTES);
    expect(field()).toHaveAccessibleDescription(
      'Only your team sees it, never the customer. 0 of 500 characters',
    );

    await user.type(field(), 'Olá!');
    expect(notes().getByText('4 of 500 characters')).toBeVisible();

    await user.paste('x'.repeat(600));
    expect(field()).toHaveValue(`Olá!${'x'.repeat(496)}`);
    expect(notes().getByText('500 of 500 characters')).toBeVisible();
    expect(addButton()).toBeEnabled();
  });

  it('shows a new note at once, then as the API returned it, sending the note alone', async () => {
    const sent = recordNotesSent();
    const { release } = holdNextNote();
    const { user } = await openNotes(WITH_NOTES);
    await waitFor(() => expect(noteItems()).toHaveLength(2));

    await user.type(field(), '  Cliente pediu retorno amanhã cedo.  ');
    await user.click(addButton());
    expect(field()).toHaveValue('');
    expect(noteItems()).toHaveLength(3);
    const pending = noteItems()[2]!;
    expect(pending).toHaveTextContent('Cliente pediu retorno amanhã cedo.');
    expect(within(pending).getByText('Sending…')).toBeVisible();
    expect(within(pending).getByText('Private')).toBeVisible();

    release();
    // The API names the key's owner as the author of every note.
    expect(await notes().findByText('admin@lojaexemplo.com.br')).toBeVisible();
    const added = noteItems()[2]!;
    expect(added).toHaveTextContent('Cliente pediu retorno amanhã cedo.');
    expect(within(added).getByText('admin@lojaexemplo.com.br')).toBeVisible();
    expect(within(added).getByText('Private')).toBeVisible();
    expect(within(added).queryByText('Sending…')).not.toBeInTheDocument();
    expect(sent).toEqual(['{"note":"Cliente pediu retorno amanhã cedo."}']);
  });

  it('takes a refused note back, puts its text back in the field, and sends it again on Retry', async () => {
    const sent = recordNotesSent();
    server.use(http.post(notesPath, () => new HttpResponse(null, { status: 500 }), { once: true }));
    const { user } = await openNotes(WITH_NOTES);
    await waitFor(() => expect(noteItems()).toHaveLength(2));

    await user.type(field(), 'Reembolso aprovado.');
    await user.click(addButton());
    const alert = await notes().findByRole('alert');
    expect(alert).toHaveTextContent('The note was not added: the API failed.');
    expect(noteItems()).toHaveLength(2);
    expect(notes().getByRole('list')).not.toHaveTextContent('Reembolso aprovado.');
    expect(field()).toHaveValue('Reembolso aprovado.');

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(noteItems()).toHaveLength(3));
    expect(noteItems()[2]).toHaveTextContent('Reembolso aprovado.');
    await waitFor(() => expect(notes().queryByRole('alert')).not.toBeInTheDocument());
    expect(field()).toHaveValue('');
    expect(await notes().findByText('admin@lojaexemplo.com.br')).toBeVisible();
    expect(sent).toEqual(['{"note":"Reembolso aprovado."}', '{"note":"Reembolso aprovado."}']);
  });

  it('does not send a blank note', async () => {
    const sent = recordNotesSent();
    const { user } = await openNotes(WITH_NOTES);
    expect(addButton()).toBeDisabled();

    await user.type(field(), '   {Enter}  ');
    expect(addButton()).toBeDisabled();
    await user.click(addButton());
    expect(noteItems()).toHaveLength(2);
    expect(sent).toEqual([]);
  });

  it('says a note with too many special characters for one write cannot be sent', async () => {
    const sent = recordNotesSent();
    const { user } = await openNotes(WITH_NOTES);

    // `{"note":"…"}` holds 1,024 bytes at most; a euro sign weighs three.
    await user.click(field());
    await user.paste('€'.repeat(337));
    expect(notes().getByText('337 of 500 characters')).toBeVisible();
    expect(field()).toBeValid();
    expect(addButton()).toBeEnabled();

    await user.paste('€');
    expect(
      notes().getByText('This note has too many special characters to send: shorten it.'),
    ).toBeVisible();
    expect(field()).toBeInvalid();
    expect(addButton()).toBeDisabled();

    await user.clear(field());
    await user.paste('€'.repeat(400));
    expect(
      notes().getByText('This note has too many special characters to send: shorten it.'),
    ).toBeVisible();
    await user.click(addButton());
    expect(sent).toEqual([]);
  });

  it('moves to the note field with n, without typing the n', async () => {
    const { user } = await openNotes(WITH_NOTES);
    expect(field()).not.toHaveFocus();

    await user.keyboard('n');
    expect(field()).toHaveFocus();
    expect(field()).toHaveValue('');
  });

  it('says when the notes could not be loaded, and loads them on Retry', async () => {
    server.use(http.get(notesPath, () => new HttpResponse(null, { status: 500 }), { once: true }));
    const { user } = await openNotes(WITH_NOTES);

    const alert = await notes().findByRole('alert');
    expect(alert).toHaveTextContent('The notes could not be loaded.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(noteItems()).toHaveLength(2));
    expect(notes().queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the notes it can read, and says how many it could not', async () => {
    server.use(
      http.get(notesPath, () =>
        HttpResponse.json([
          { id: 'n1', note: 'Legível', userEmail: 'ana.costa@lojaexemplo.com.br' },
          { id: 'n2' },
          'not a note',
        ]),
      ),
    );
    await openNotes(WITH_NOTES);

    expect(await notes().findByText('Legível')).toBeVisible();
    expect(noteItems()).toHaveLength(1);
    expect(notes().getByRole('note')).toHaveTextContent('2 notes could not be read.');
  });
});
