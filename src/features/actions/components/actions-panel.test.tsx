import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/server';
import { UNDO_MS } from './actions-panel';

// The demo's conversations, as src/mocks/fixtures/demo-conversations.ts has them.
/** Needs a human, high priority, AI off, nobody assigned. */
const WAITING = 'conv_wa_7Hk2pQ';
/** Needs a human, medium priority, AI off, assigned to Ana Beatriz Costa. */
const ANAS = 'conv_tg_5512';

const writePath = (action: string) => `/api/conversations/:id/${action}`;

/** Records every write the page sends, in order, whatever answers it. */
function recordWrites() {
  const sent: { conversation: string; action: string; body: unknown }[] = [];
  server.events.on('request:start', ({ request }) => {
    const write = /^\/api\/conversations\/([^/]+)\/([^/]+)$/.exec(new URL(request.url).pathname);
    if (request.method !== 'POST' || !write) return;
    const entry = {
      conversation: decodeURIComponent(write[1]!),
      action: write[2]!,
      body: undefined as unknown,
    };
    sent.push(entry);
    void request
      .clone()
      .json()
      .then(
        (body: unknown) => (entry.body = body),
        () => (entry.body = 'not JSON'),
      );
  });
  return sent;
}

/** Holds the writes of `action` until released, then lets the demo answer them. */
function holdWrites(action: string) {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  server.use(
    http.post(writePath(action), async () => {
      await held;
    }),
  );
  return { release };
}

/** Answers the next write of `action` with `response` (a refusal, an outage). */
const failNext = (action: string, response: () => Response) =>
  server.use(http.post(writePath(action), response, { once: true }));

/** Opens a conversation and waits for its actions, which load after the page's first render. */
async function openConversation(id: string) {
  const view = renderApp(`/conversations/${id}`);
  // The placeholder is a region named Actions too: wait for the status buttons in it.
  await waitFor(() => actions().getByRole('group', { name: 'Status' }));
  return view;
}

const actions = () => within(screen.getByRole('region', { name: 'Actions' }));
/** The page's header, where the badges say the conversation's status, priority and AI. */
const header = () => within(screen.getByRole('heading', { level: 1 }).closest('header')!);
const statusButton = (name: string) =>
  within(actions().getByRole('group', { name: 'Status' })).getByRole('button', { name });
const priorityButton = (name: string) =>
  within(actions().getByRole('group', { name: 'Priority' })).getByRole('button', { name });
const aiSwitch = () => actions().getByRole('switch', { name: 'AI replies' });
const toast = () => actions().getByRole('status');

describe('conversation actions', () => {
  afterEach(() => {
    vi.useRealTimers();
    server.events.removeAllListeners();
  });

  it('shows the conversation’s status, priority, AI and assignee as it is', async () => {
    await openConversation(ANAS);
    expect(statusButton('Needs a human')).toHaveAttribute('aria-pressed', 'true');
    expect(statusButton('Unresolved')).toHaveAttribute('aria-pressed', 'false');
    expect(statusButton('Resolved')).toHaveAttribute('aria-pressed', 'false');
    expect(priorityButton('Medium')).toHaveAttribute('aria-pressed', 'true');
    expect(priorityButton('High')).toHaveAttribute('aria-pressed', 'false');
    expect(aiSwitch()).not.toBeChecked();
    expect(aiSwitch()).toHaveAccessibleDescription('A person must answer the customer.');
    expect(actions().getByText('Ana Beatriz Costa')).toBeVisible();
    expect(await actions().findByRole('button', { name: 'Assign to me' })).toBeVisible();
    expect(actions().getByRole('button', { name: 'Unassign' })).toBeVisible();
  });

  it('shows a new status at once, and sends it', async () => {
    const sent = recordWrites();
    const { release } = holdWrites('set-status');
    const { user } = await openConversation(WAITING);

    await user.click(statusButton('Unresolved'));
    expect(statusButton('Unresolved')).toHaveAttribute('aria-pressed', 'true');
    expect(statusButton('Needs a human')).toHaveAttribute('aria-pressed', 'false');
    expect(header().getByText('Unresolved')).toBeVisible();
    expect(header().queryByText('Needs a human')).not.toBeInTheDocument();
    expect(actions().getByText('Saving…')).toBeVisible();

    release();
    await waitFor(() => expect(actions().queryByText('Saving…')).not.toBeInTheDocument());
    expect(statusButton('Unresolved')).toHaveAttribute('aria-pressed', 'true');
    expect(sent).toEqual([
      { conversation: WAITING, action: 'set-status', body: { status: 'UNRESOLVED' } },
    ]);
    expect(actions().queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a new priority at once, and sends it', async () => {
    const sent = recordWrites();
    const { release } = holdWrites('set-priority');
    const { user } = await openConversation(WAITING);

    await user.click(priorityButton('Low'));
    expect(priorityButton('Low')).toHaveAttribute('aria-pressed', 'true');
    expect(priorityButton('High')).toHaveAttribute('aria-pressed', 'false');
    expect(header().getByText('Low priority')).toBeVisible();
    expect(header().queryByText('High priority')).not.toBeInTheDocument();

    release();
    await waitFor(() => expect(actions().queryByText('Saving…')).not.toBeInTheDocument());
    expect(header().getByText('Low priority')).toBeVisible();
    expect(sent).toEqual([
      { conversation: WAITING, action: 'set-priority', body: { priority: 'LOW' } },
    ]);
  });

  it('switches the AI at once, says what that means, and sends it', async () => {
    const sent = recordWrites();
    const { release } = holdWrites('set-ai-enabled');
    const { user } = await openConversation(WAITING);
    expect(header().getByText('AI off')).toBeVisible();

    await user.click(aiSwitch());
    expect(aiSwitch()).toBeChecked();
    expect(aiSwitch()).toHaveAccessibleDescription('It answers the customer by itself.');
    expect(header().getByText('AI on')).toBeVisible();

    release();
    await waitFor(() => expect(actions().queryByText('Saving…')).not.toBeInTheDocument());
    expect(aiSwitch()).toBeChecked();
    expect(sent).toEqual([
      { conversation: WAITING, action: 'set-ai-enabled', body: { enabled: true } },
    ]);
  });

  it('assigns the conversation to the signed-in agent at once, naming nobody in the body', async () => {
    const sent = recordWrites();
    const { release } = holdWrites('assign');
    const { user } = await openConversation(WAITING);
    expect(actions().getByText('Nobody')).toBeVisible();

    await user.click(await actions().findByRole('button', { name: 'Assign to me' }));
    expect(actions().getByText('Marina Souza (you)')).toBeVisible();
    expect(actions().queryByRole('button', { name: 'Assign to me' })).not.toBeInTheDocument();
    expect(actions().getByRole('button', { name: 'Unassign' })).toBeVisible();

    release();
    await waitFor(() => expect(actions().queryByText('Saving…')).not.toBeInTheDocument());
    // The demo answers as the API would, so the refetched conversation names her too.
    expect(
      await within(screen.getByRole('region', { name: 'Assignees' })).findByText('Marina Souza'),
    ).toBeVisible();
    expect(actions().getByText('Marina Souza (you)')).toBeVisible();
    expect(sent).toEqual([{ conversation: WAITING, action: 'assign', body: {} }]);
  });

  it('unassigns at once, and sends an empty body', async () => {
    const sent = recordWrites();
    const { release } = holdWrites('unassign');
    const { user } = await openConversation(ANAS);

    await user.click(actions().getByRole('button', { name: 'Unassign' }));
    expect(actions().getByText('Nobody')).toBeVisible();
    expect(actions().queryByText('Ana Beatriz Costa')).not.toBeInTheDocument();
    expect(actions().queryByRole('button', { name: 'Unassign' })).not.toBeInTheDocument();

    release();
    await waitFor(() => expect(actions().queryByText('Saving…')).not.toBeInTheDocument());
    expect(actions().getByText('Nobody')).toBeVisible();
    expect(sent).toEqual([{ conversation: ANAS, action: 'unassign', body: {} }]);
  });

  it('asks the API for the conversation again after a change, to confirm it', async () => {
    const asked: string[] = [];
    server.events.on('request:start', ({ request }) => {
      const { pathname } = new URL(request.url);
      if (request.method === 'GET' && pathname === `/api/conversation/${WAITING}`)
        asked.push(pathname);
    });
    const { user } = await openConversation(WAITING);
    const before = asked.length;

    await user.click(priorityButton('Medium'));
    await waitFor(() => expect(asked.length).toBeGreaterThan(before));
    expect(header().getByText('Medium priority')).toBeVisible();
  });

  describe('when the API refuses a change', () => {
    it.each([
      [
        '403',
        () => HttpResponse.json({ error: 'Forbidden' }, { status: 403 }),
        'The status was not changed: the API refused it (no access to this conversation).',
      ],
      [
        '404',
        () => HttpResponse.json({ error: 'Conversation not found' }, { status: 404 }),
        'The status was not changed: the API no longer finds this conversation, or that person.',
      ],
      [
        '500',
        () => new HttpResponse(null, { status: 500 }),
        'The status was not changed: the API failed.',
      ],
      [
        'a network error',
        () => HttpResponse.error(),
        'The status was not changed: the viewer could not be reached.',
      ],
    ])(
      'sets the status back on %s, says why, and sends it again on Retry',
      async (_, refusal, reason) => {
        const sent = recordWrites();
        failNext('set-status', refusal);
        const { user } = await openConversation(WAITING);

        await user.click(statusButton('Unresolved'));
        const alert = await actions().findByRole('alert');
        expect(alert).toHaveTextContent(reason);
        expect(statusButton('Needs a human')).toHaveAttribute('aria-pressed', 'true');
        expect(statusButton('Unresolved')).toHaveAttribute('aria-pressed', 'false');
        expect(header().getByText('Needs a human')).toBeVisible();

        await user.click(within(alert).getByRole('button', { name: 'Retry' }));
        await waitFor(() => expect(actions().queryByRole('alert')).not.toBeInTheDocument());
        expect(statusButton('Unresolved')).toHaveAttribute('aria-pressed', 'true');
        expect(header().getByText('Unresolved')).toBeVisible();
        expect(sent.map(({ action, body }) => [action, body])).toEqual([
          ['set-status', { status: 'UNRESOLVED' }],
          ['set-status', { status: 'UNRESOLVED' }],
        ]);
      },
    );

    it('names what was not changed: the priority, the AI, the assignment', async () => {
      failNext('set-priority', () => new HttpResponse(null, { status: 403 }));
      failNext('set-ai-enabled', () => new HttpResponse(null, { status: 403 }));
      failNext('unassign', () => new HttpResponse(null, { status: 403 }));
      const { user } = await openConversation(ANAS);

      await user.click(priorityButton('Low'));
      expect(await actions().findByRole('alert')).toHaveTextContent(
        /^The priority was not changed: /,
      );
      expect(priorityButton('Medium')).toHaveAttribute('aria-pressed', 'true');

      await user.click(aiSwitch());
      await waitFor(() =>
        expect(actions().getByRole('alert')).toHaveTextContent(/^The AI was not switched: /),
      );
      expect(aiSwitch()).not.toBeChecked();

      await user.click(actions().getByRole('button', { name: 'Unassign' }));
      await waitFor(() =>
        expect(actions().getByRole('alert')).toHaveTextContent(
          /^The conversation was not unassigned: /,
        ),
      );
      expect(actions().getByText('Ana Beatriz Costa')).toBeVisible();
    });

    it('says someone changed it first on a 409 to anything but assigning', async () => {
      failNext('set-priority', () => new HttpResponse(null, { status: 409 }));
      const { user } = await openConversation(WAITING);

      await user.click(priorityButton('Medium'));
      const alert = await actions().findByRole('alert');
      expect(alert).toHaveTextContent('The priority was not changed: someone changed it first.');
      expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible();
      expect(within(alert).queryByRole('button', { name: 'Take it over' })).not.toBeInTheDocument();
      expect(priorityButton('High')).toHaveAttribute('aria-pressed', 'true');
    });

    it('puts the refusal away on Dismiss, leaving the value as it was', async () => {
      const sent = recordWrites();
      failNext('set-priority', () => new HttpResponse(null, { status: 500 }));
      const { user } = await openConversation(WAITING);

      await user.click(priorityButton('Low'));
      const alert = await actions().findByRole('alert');
      await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
      expect(actions().queryByRole('alert')).not.toBeInTheDocument();
      expect(priorityButton('High')).toHaveAttribute('aria-pressed', 'true');
      expect(sent).toHaveLength(1);
    });
  });

  describe('when someone else has the conversation', () => {
    it('asks before taking it over, and takes it over with force', async () => {
      const sent = recordWrites();
      const { user } = await openConversation(ANAS);

      await user.click(await actions().findByRole('button', { name: 'Assign to me' }));
      const alert = await actions().findByRole('alert');
      expect(alert).toHaveTextContent('Ana Beatriz Costa already has this conversation.');
      expect(actions().getByText('Ana Beatriz Costa')).toBeVisible();
      expect(actions().queryByText('Marina Souza (you)')).not.toBeInTheDocument();

      await user.click(within(alert).getByRole('button', { name: 'Take it over' }));
      expect(await actions().findByText('Marina Souza (you)')).toBeVisible();
      await waitFor(() => expect(actions().queryByText('Saving…')).not.toBeInTheDocument());
      expect(actions().queryByRole('alert')).not.toBeInTheDocument();
      expect(actions().getByText('Marina Souza (you)')).toBeVisible();
      expect(sent.map(({ action, body }) => [action, body])).toEqual([
        ['assign', {}],
        ['assign', { force: true }],
      ]);
    });

    it('says someone else has it when the page does not know who, and still offers to take it over', async () => {
      failNext('assign', () => HttpResponse.json({ error: 'Already assigned' }, { status: 409 }));
      const sent = recordWrites();
      const { user } = await openConversation(WAITING);

      await user.click(await actions().findByRole('button', { name: 'Assign to me' }));
      const alert = await actions().findByRole('alert');
      expect(alert).toHaveTextContent('Someone else already has this conversation.');
      expect(actions().getByText('Nobody')).toBeVisible();

      await user.click(within(alert).getByRole('button', { name: 'Take it over' }));
      expect(await actions().findByText('Marina Souza (you)')).toBeVisible();
      await waitFor(() => expect(sent).toHaveLength(2));
      expect(sent[1]).toMatchObject({ action: 'assign', body: { force: true } });
    });

    it('leaves it with them on Cancel', async () => {
      const sent = recordWrites();
      const { user } = await openConversation(ANAS);

      await user.click(await actions().findByRole('button', { name: 'Assign to me' }));
      const alert = await actions().findByRole('alert');
      await user.click(within(alert).getByRole('button', { name: 'Cancel' }));
      expect(actions().queryByRole('alert')).not.toBeInTheDocument();
      expect(actions().getByText('Ana Beatriz Costa')).toBeVisible();
      expect(sent).toHaveLength(1);
    });
  });

  describe('undo after resolving', () => {
    it('offers Undo, which sets the status it had back', async () => {
      const sent = recordWrites();
      const { user } = await openConversation(WAITING);
      expect(toast()).toBeEmptyDOMElement();

      await user.click(statusButton('Resolved'));
      expect(toast()).toHaveTextContent('Marked as resolved.');
      expect(header().getByText('Resolved')).toBeVisible();

      await user.click(within(toast()).getByRole('button', { name: 'Undo' }));
      expect(toast()).toBeEmptyDOMElement();
      expect(statusButton('Needs a human')).toHaveAttribute('aria-pressed', 'true');
      expect(header().getByText('Needs a human')).toBeVisible();
      await waitFor(() => expect(sent).toHaveLength(2));
      expect(sent.map(({ body }) => body)).toEqual([
        { status: 'RESOLVED' },
        { status: 'HUMAN_REQUESTED' },
      ]);
    });

    it('undoes with z as well', async () => {
      const sent = recordWrites();
      const { user } = await openConversation('conv_ml_0091');
      expect(statusButton('Unresolved')).toHaveAttribute('aria-pressed', 'true');

      await user.click(statusButton('Resolved'));
      expect(toast()).toHaveTextContent('Marked as resolved.');
      await user.keyboard('z');
      expect(toast()).toBeEmptyDOMElement();
      expect(statusButton('Unresolved')).toHaveAttribute('aria-pressed', 'true');
      await waitFor(() => expect(sent).toHaveLength(2));
      expect(sent[1]!.body).toEqual({ status: 'UNRESOLVED' });
    });

    it('stops offering Undo after its time is up', async () => {
      vi.useFakeTimers({ shouldAdvanceTime: true });
      const sent = recordWrites();
      const { user } = await openConversation(WAITING);

      await user.click(statusButton('Resolved'));
      expect(toast()).toHaveTextContent('Marked as resolved.');
      await act(() => vi.advanceTimersByTimeAsync(UNDO_MS - 1000));
      expect(within(toast()).getByRole('button', { name: 'Undo' })).toBeVisible();

      await act(() => vi.advanceTimersByTimeAsync(1000));
      expect(toast()).toBeEmptyDOMElement();
      // Too late for z as well: the conversation stays resolved.
      await user.keyboard('z');
      expect(statusButton('Resolved')).toHaveAttribute('aria-pressed', 'true');
      expect(sent).toHaveLength(1);
    });

    it('withdraws Undo when resolving is refused', async () => {
      failNext('set-status', () => new HttpResponse(null, { status: 403 }));
      const { user } = await openConversation(WAITING);

      await user.click(statusButton('Resolved'));
      expect(await actions().findByRole('alert')).toHaveTextContent(
        'The status was not changed: the API refused it (no access to this conversation).',
      );
      expect(toast()).toBeEmptyDOMElement();
      expect(statusButton('Needs a human')).toHaveAttribute('aria-pressed', 'true');
    });

    it('offers no Undo when the status before is one the API would not take back', async () => {
      const sent = recordWrites();
      // conv_empty_01's status is one the viewer does not know.
      const { user } = await openConversation('conv_empty_01');
      await user.click(statusButton('Resolved'));
      await waitFor(() => expect(sent).toHaveLength(1));
      expect(toast()).toBeEmptyDOMElement();
    });
  });

  describe('keyboard', () => {
    it('writes nothing for a shortcut to the value already set', async () => {
      const sent = recordWrites();
      const { user } = await openConversation(WAITING);
      await user.keyboard('sh');
      await user.keyboard('ph');
      await user.keyboard('pl');
      await waitFor(() => expect(sent).toHaveLength(1));
      expect(sent[0]).toMatchObject({ action: 'set-priority', body: { priority: 'LOW' } });
    });

    it('resolves with e', async () => {
      const sent = recordWrites();
      const { user } = await openConversation(WAITING);
      await user.keyboard('e');
      expect(statusButton('Resolved')).toHaveAttribute('aria-pressed', 'true');
      expect(toast()).toHaveTextContent('Marked as resolved.');
      await waitFor(() => expect(sent).toHaveLength(1));
      expect(sent[0]).toMatchObject({ action: 'set-status', body: { status: 'RESOLVED' } });
    });

    it('asks for a human with s then h', async () => {
      const sent = recordWrites();
      const { user } = await openConversation('conv_ml_0091');
      await user.keyboard('sh');
      expect(statusButton('Needs a human')).toHaveAttribute('aria-pressed', 'true');
      await waitFor(() => expect(sent).toHaveLength(1));
      expect(sent[0]).toMatchObject({
        action: 'set-status',
        body: { status: 'HUMAN_REQUESTED' },
      });
    });

    it('lowers the priority with p then l', async () => {
      const sent = recordWrites();
      const { user } = await openConversation(WAITING);
      await user.keyboard('pl');
      expect(priorityButton('Low')).toHaveAttribute('aria-pressed', 'true');
      await waitFor(() => expect(sent).toHaveLength(1));
      expect(sent[0]).toMatchObject({ action: 'set-priority', body: { priority: 'LOW' } });
    });

    it('switches the AI with i', async () => {
      const sent = recordWrites();
      const { user } = await openConversation(WAITING);
      await user.keyboard('i');
      expect(aiSwitch()).toBeChecked();
      await waitFor(() => expect(sent).toHaveLength(1));
      expect(sent[0]).toMatchObject({ action: 'set-ai-enabled', body: { enabled: true } });
    });

    it('assigns to me with a', async () => {
      const sent = recordWrites();
      const { user } = await openConversation(WAITING);
      await actions().findByRole('button', { name: 'Assign to me' });
      await user.keyboard('a');
      expect(actions().getByText('Marina Souza (you)')).toBeVisible();
      await waitFor(() => expect(sent).toHaveLength(1));
      expect(sent[0]).toMatchObject({ action: 'assign', body: {} });
    });

    it('leaves the keys to a text field being typed in', async () => {
      const sent = recordWrites();
      const { user } = await openConversation(WAITING);
      await user.type(await screen.findByRole('textbox', { name: 'Add a private note' }), 'eipl');
      expect(statusButton('Needs a human')).toHaveAttribute('aria-pressed', 'true');
      expect(priorityButton('High')).toHaveAttribute('aria-pressed', 'true');
      expect(aiSwitch()).not.toBeChecked();
      expect(sent).toEqual([]);
    });
  });

  it('offers no Assign to me, and says why, when sign-in is off', async () => {
    server.use(http.get('/auth/session', () => HttpResponse.json({ signIn: 'off' })));
    const sent = recordWrites();
    const { user } = await openConversation(WAITING);

    expect(await actions().findByText('Sign-in is off: you are not identified.')).toBeVisible();
    expect(actions().queryByRole('button', { name: 'Assign to me' })).not.toBeInTheDocument();
    await user.keyboard('a');
    expect(actions().getByText('Nobody')).toBeVisible();
    expect(sent).toEqual([]);
  });

  // The open queue is walked to its end twice: when the list opens, and when it is asked again.
  it(
    'tells the triage list at once, and the resolved conversation leaves the open queue',
    { timeout: 45_000 },
    async () => {
      const { user, navigate } = renderApp('/conversations');
      await screen.findByText('1,207 conversations', {}, { timeout: 20_000 });
      await user.type(
        screen.getByRole('searchbox', { name: 'Search loaded conversations' }),
        'Pedido #48213',
      );
      expect(await screen.findByText('1 of 1,207 conversations')).toBeVisible();
      const list = () => within(screen.getByRole('list', { name: 'Conversations' }));
      await user.click(list().getByRole('link', { name: /Pedido #48213 não chegou/ }));

      await waitFor(() => actions().getByRole('group', { name: 'Status' }));
      await user.click(statusButton('Resolved'));
      await waitFor(() => expect(actions().queryByText('Saving…')).not.toBeInTheDocument());

      await act(() => navigate(-1));
      // The cached row shows the change before the list is asked again…
      const row = list().getByRole('listitem');
      expect(row).toHaveTextContent('Pedido #48213 não chegou');
      expect(row).toHaveTextContent('Resolved');
      // …then the list, asked again, no longer has it in the open queue.
      expect(
        await screen.findByText('No loaded conversation matches “Pedido #48213”.', undefined, {
          timeout: 20_000,
        }),
      ).toBeVisible();
      expect(screen.getByText('0 of 1,206 conversations')).toBeVisible();
    },
  );
});
