import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/server';

/** Records the query strings the list endpoint receives, answering as the demo does. */
function recordListRequests() {
  const received: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/conversation') received.push(url.search);
  });
  return received;
}

const rows = () =>
  within(screen.getByRole('list', { name: 'Conversations' })).getAllByRole('listitem');

describe('triage list', () => {
  it('lists the demo conversations, who needs help first', async () => {
    renderApp('/conversations');
    expect(await screen.findByText('2,000 conversations')).toBeVisible();
    const first = rows()[0]!;
    expect(first).toHaveTextContent('Needs a human');
    expect(first).toHaveTextContent('High priority');
    expect(within(first).getByRole('meter', { name: 'Frustration' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    expect(within(first).getByRole('link')).toHaveAttribute(
      'href',
      '/conversations/conv_wa_7Hk2pQ',
    );
    // Windowed: far fewer rows in the page than conversations.
    expect(rows().length).toBeLessThan(60);
  });

  it('sends the filters to the API, keeps them in the URL, and lists only what matches', async () => {
    const received = recordListRequests();
    const { user } = renderApp('/conversations?status=RESOLVED&limit=9999&apiKey=x');
    expect(await screen.findByRole('combobox', { name: 'Status' })).toHaveValue('RESOLVED');
    await screen.findByText(/conversations$/);
    expect(received).toEqual(['?status=RESOLVED']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Priority' }), 'HIGH');
    await screen.findByRole('button', { name: 'Remove filter Priority: High priority' });
    expect(received.at(-1)).toBe('?status=RESOLVED&priority=HIGH');
    for (const row of rows()) {
      expect(row).toHaveTextContent('Resolved');
      expect(row).toHaveTextContent('High priority');
    }
  });

  it('narrows the loaded rows by text without asking the API again', async () => {
    const received = recordListRequests();
    const { user } = renderApp('/conversations');
    await screen.findByText('2,000 conversations');
    await user.type(
      screen.getByRole('searchbox', { name: 'Search loaded conversations' }),
      'Pedido #48213',
    );
    expect(await screen.findByText('1 of 2,000 conversations')).toBeVisible();
    expect(rows()).toHaveLength(1);
    expect(received).toHaveLength(1);
  });

  it('names the filters when nothing matches, and clears them', async () => {
    server.use(
      http.get('/api/conversation', ({ request }) =>
        HttpResponse.json(new URL(request.url).search ? [] : [{ id: 'conv_1', title: 'Only one' }]),
      ),
    );
    const { user } = renderApp('/conversations?status=HUMAN_REQUESTED&channel=telegram');
    expect(
      await screen.findByText('No conversation matches Status: Needs a human · Channel: Telegram.'),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('Only one')).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('');
  });

  it('shows an item it cannot read as an odd row, and the others as usual', async () => {
    server.use(
      http.get('/api/conversation', () =>
        HttpResponse.json([{ id: 'conv_ok', title: 'Readable' }, 17]),
      ),
    );
    renderApp('/conversations');
    expect(await screen.findByText('Readable')).toBeVisible();
    expect(screen.getByText('An entry of the list could not be read:')).toBeVisible();
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
    expect(await screen.findByText('2,000 conversations')).toBeVisible();
  });

  it('fetches a conversation as soon as its row is hovered or focused', async () => {
    const fetched: string[] = [];
    server.events.on('request:start', ({ request }) => fetched.push(new URL(request.url).pathname));
    const { user } = renderApp('/conversations');
    await screen.findByText('2,000 conversations');
    await user.hover(within(rows()[0]!).getByRole('link'));
    await waitFor(() => expect(fetched).toContain('/api/conversation/conv_wa_7Hk2pQ'));
    rows()[1]!.querySelector('a')!.focus();
    await waitFor(() =>
      expect(fetched).toContain(
        `/api/conversation/${rows()[1]!.querySelector('a')!.getAttribute('href')!.split('/').pop()!}`,
      ),
    );
  });

  it('moves between rows with j and k', async () => {
    const { user } = renderApp('/conversations');
    await screen.findByText('2,000 conversations');
    await user.keyboard('j');
    await waitFor(() => expect(rows()[0]!.querySelector('a')).toHaveFocus());
    await user.keyboard('jjk');
    await waitFor(() => expect(rows()[1]!.querySelector('a')).toHaveFocus());
  });
});
