import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdListPages } from '@/testing/hold-list-pages';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/server';

/** Records the query of each list request, answered as the demo does (keyset pages of 100). */
function recordListRequests() {
  const received: URLSearchParams[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/conversation') received.push(url.searchParams);
  });
  return received;
}

const rows = () =>
  within(screen.getByRole('list', { name: 'Conversations' })).getAllByRole('listitem');

/** A conversation in the contract's shape, as the list answers it. */
const listed = (index: number, status = 'UNRESOLVED') => ({
  id: `conv_${String(index).padStart(4, '0')}`,
  title: `Conversa ${index}`,
  status,
  createdAt: new Date(Date.parse('2026-11-25T00:00:00Z') - index * 60_000).toISOString(),
});

describe('triage list', () => {
  // The open queue refreshes at each multiple of 10 s on the wall clock: each test starts just
  // after one (the clock runs on from there), so the requests it counts are its own.
  beforeEach(() =>
    vi.useFakeTimers({
      now: Date.parse('2026-11-25T10:00:00.001Z'),
      shouldAdvanceTime: true,
      toFake: ['Date'],
    }),
  );
  afterEach(() => vi.useRealTimers());

  it('opens on the open queue, walked to its end status by status, who needs help first', async () => {
    const received = recordListRequests();
    renderApp('/conversations');
    // 302 need a human and 905 are unresolved, of 6,000: the resolved are never asked for.
    expect(await screen.findByText('1,207 conversations', {}, { timeout: 10_000 })).toBeVisible();
    expect(received.map((query) => query.get('status'))).toEqual([
      ...Array<string>(4).fill('HUMAN_REQUESTED'),
      ...Array<string>(10).fill('UNRESOLVED'),
    ]);
    for (const query of received) expect(query.get('limit')).toBe('100');
    // Each page after the first of its status starts after the last item of the one before.
    expect(received[0]!.get('cursor')).toBeNull();
    const cursor = JSON.parse(received[1]!.get('cursor')!) as Record<string, string>;
    expect(Object.keys(cursor)).toEqual(['lastCreatedAt', 'lastId']);
    expect(cursor.lastId).toMatch(/^conv_/);
    expect(Date.parse(cursor.lastCreatedAt!)).not.toBeNaN();
    expect(received[4]!.get('cursor')).toBeNull();

    const first = rows()[0]!;
    expect(first).toHaveTextContent('Needs a human');
    expect(first).toHaveTextContent('High priority');
    expect(within(first).getByRole('meter', { name: 'Frustration' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    // Windowed: far fewer rows in the page than conversations.
    expect(rows().length).toBeLessThan(60);
  });

  it('shows the first rows while the rest of the queue is still coming', async () => {
    const release = holdListPages((query) => query.has('cursor'));
    renderApp('/conversations');
    expect(await screen.findByText('100 conversations loaded so far…')).toBeVisible();
    expect(rows()[0]).toHaveTextContent('Needs a human');
    release();
    expect(await screen.findByText('1,207 conversations', {}, { timeout: 10_000 })).toBeVisible();
  });

  it('loads resolved conversations a page at a time, on request, never walking on its own', async () => {
    const received = recordListRequests();
    const { user } = renderApp('/conversations?status=RESOLVED');
    expect(await screen.findByText('100 loaded; more as you scroll')).toBeVisible();
    expect(received).toHaveLength(1);
    expect(received[0]!.toString()).toBe('status=RESOLVED&limit=100');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('200 loaded; more as you scroll')).toBeVisible();
    expect(received).toHaveLength(2);
    for (const row of rows()) expect(row).toHaveTextContent('Resolved');
  });

  it('stops when a page brings no new conversation, so an API that ignores the cursor cannot loop', async () => {
    const received = recordListRequests();
    const page = Array.from({ length: 100 }, (_, index) => listed(index));
    server.use(http.get('/api/conversation', () => HttpResponse.json(page)));
    renderApp('/conversations');
    expect(await screen.findByText('100 conversations')).toBeVisible();
    // Needs a human: the page, then the same page again; unresolved: the same page, nothing new.
    expect(received).toHaveLength(3);
  });

  it('says so when the API gives no way to the next page, instead of a count that looks whole', async () => {
    server.use(
      http.get('/api/conversation', ({ request }) => {
        if (new URL(request.url).searchParams.get('status') !== 'HUMAN_REQUESTED')
          return HttpResponse.json([]);
        // A full page whose last date is not in a form the proxies take as a cursor.
        const page = Array.from({ length: 100 }, (_, index) => listed(index, 'HUMAN_REQUESTED'));
        return HttpResponse.json([
          ...page.slice(0, 99),
          { ...page[99], createdAt: '2026-11-24 06:00:00' },
        ]);
      }),
    );
    renderApp('/conversations');
    expect(
      await screen.findByText('Showing the first 100; narrow the filters to reach the rest.'),
    ).toBeVisible();
  });

  it('does not page on by itself while the search narrows a page-at-a-time view', async () => {
    const received = recordListRequests();
    renderApp('/conversations?status=RESOLVED&q=nothing-matches-this');
    expect(await screen.findByText('0 of 100 conversations')).toBeVisible();
    expect(await screen.findByRole('button', { name: 'Load more' })).toBeEnabled();
    expect(received).toHaveLength(1);
  });

  it('drops conversations that come again on a later page', async () => {
    server.use(
      http.get('/api/conversation', ({ request }) => {
        const params = new URL(request.url).searchParams;
        if (params.get('status') !== 'UNRESOLVED') return HttpResponse.json([]);
        const after = params.has('cursor') ? 90 : 0;
        const count = params.has('cursor') ? 50 : 100;
        return HttpResponse.json(
          Array.from({ length: count }, (_, index) => listed(after + index)),
        );
      }),
    );
    renderApp('/conversations');
    // 100, then 90–139: ten of them again.
    expect(await screen.findByText('140 conversations')).toBeVisible();
  });

  it('sends the filters to the API, frustration on its 0–1 scale, and keeps them in the URL', async () => {
    const received = recordListRequests();
    const { user } = renderApp(
      '/conversations?status=RESOLVED&frustrationMin=60&tag=vip&limit=9999&apiKey=x',
    );
    expect(await screen.findByRole('combobox', { name: 'Status' })).toHaveValue('RESOLVED');
    await screen.findByText(/loaded; more as you scroll|conversations$/);
    expect(received[0]!.toString()).toBe('status=RESOLVED&tag=vip&frustrationMin=0.6&limit=100');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Priority' }), 'HIGH');
    await screen.findByRole('button', { name: 'Remove filter Priority: High priority' });
    expect(received.at(-1)!.toString()).toBe(
      'status=RESOLVED&priority=HIGH&tag=vip&frustrationMin=0.6&limit=100',
    );
    for (const row of rows()) {
      expect(row).toHaveTextContent('Resolved');
      expect(row).toHaveTextContent('High priority');
    }

    const maximum = screen.getByRole('spinbutton', { name: 'Frustration up to' });
    await user.type(maximum, '90{Enter}');
    await waitFor(() => expect(received.at(-1)!.get('frustrationMax')).toBe('0.9'));
    expect(maximum).toHaveFocus();
    expect(maximum).toHaveValue(90);
    // A value the URL does not keep is not sent, and the box shows what holds.
    await user.clear(maximum);
    await user.type(maximum, '150{Enter}');
    expect(maximum).toHaveValue(90);
    expect(received.at(-1)!.get('frustrationMax')).toBe('0.9');
  });

  it('narrows the loaded rows by text without asking the API again', async () => {
    const received = recordListRequests();
    const { user } = renderApp('/conversations');
    await screen.findByText('1,207 conversations', {}, { timeout: 10_000 });
    const asked = received.length;
    await user.type(
      screen.getByRole('searchbox', { name: 'Search loaded conversations' }),
      'Pedido #48213',
    );
    expect(await screen.findByText('1 of 1,207 conversations')).toBeVisible();
    expect(rows()).toHaveLength(1);
    expect(received).toHaveLength(asked);
  });

  it('names the filters when nothing matches, and clears them', async () => {
    server.use(
      http.get('/api/conversation', ({ request }) =>
        HttpResponse.json(
          new URL(request.url).searchParams.has('channel') ? [] : [listed(1, 'HUMAN_REQUESTED')],
        ),
      ),
    );
    const { user } = renderApp('/conversations?status=HUMAN_REQUESTED&channel=telegram');
    expect(
      await screen.findByText('No conversation matches Status: Needs a human · Channel: Telegram.'),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('Conversa 1')).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('open');
  });

  it('shows an item it cannot read as an odd row, and the others as usual', async () => {
    server.use(
      http.get('/api/conversation', () =>
        HttpResponse.json([{ id: 'conv_ok', title: 'Readable' }, 17]),
      ),
    );
    renderApp('/conversations');
    expect(await screen.findByText('Readable')).toBeVisible();
    expect(screen.getAllByText('An entry of the list could not be read:')[0]).toBeVisible();
  });

  it('offers Retry when the API fails', async () => {
    server.use(
      http.get('/api/conversation', () => new HttpResponse(null, { status: 503 }), { once: true }),
    );
    const { user } = renderApp('/conversations');
    expect(
      await screen.findByRole('heading', { name: 'The Chatvolt API has a problem' }),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('1,207 conversations', {}, { timeout: 10_000 })).toBeVisible();
  });

  it('says when a later page fails, keeps the rows it has, and retries', async () => {
    let failing = true;
    server.use(
      http.get('/api/conversation', ({ request }) =>
        failing && new URL(request.url).searchParams.has('cursor')
          ? new HttpResponse(null, { status: 400 })
          : undefined,
      ),
    );
    const { user } = renderApp('/conversations');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'More conversations could not be loaded.',
    );
    expect(screen.getByText('100 conversations loaded so far…')).toBeVisible();
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('1,207 conversations', {}, { timeout: 10_000 })).toBeVisible();
  });

  it('fetches a conversation as soon as its row is hovered or focused', async () => {
    const fetched: string[] = [];
    server.events.on('request:start', ({ request }) => fetched.push(new URL(request.url).pathname));
    const { user } = renderApp('/conversations');
    await screen.findByText('1,207 conversations', {}, { timeout: 10_000 });
    const firstLink = within(rows()[0]!).getByRole('link');
    await user.hover(firstLink);
    await waitFor(() =>
      expect(fetched).toContain(
        `/api${firstLink.getAttribute('href')!.replace('/conversations', '/conversation')}`,
      ),
    );
  });

  it('moves between rows with j and k', async () => {
    const { user } = renderApp('/conversations');
    await screen.findByText('1,207 conversations', {}, { timeout: 10_000 });
    await user.keyboard('j');
    await waitFor(() => expect(rows()[0]!.querySelector('a')).toHaveFocus());
    await user.keyboard('jjk');
    await waitFor(() => expect(rows()[1]!.querySelector('a')).toHaveFocus());
  });

  it('shows how many messages wait unread on a row', async () => {
    server.use(
      http.get('/api/conversation', ({ request }) =>
        HttpResponse.json(
          new URL(request.url).searchParams.get('status') === 'HUMAN_REQUESTED'
            ? [{ ...listed(1, 'HUMAN_REQUESTED'), unreadMessagesCount: 4, frustration: 0.64 }]
            : [],
        ),
      ),
    );
    renderApp('/conversations');
    const row = (await screen.findByText('Conversa 1')).closest('li')!;
    expect(within(row).getByText('4 unread messages')).toBeInTheDocument();
    expect(within(row).getByRole('meter', { name: 'Frustration' })).toHaveAttribute(
      'aria-valuenow',
      '64',
    );
  });
});
