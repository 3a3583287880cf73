import { act, screen, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TRANSCRIPT_REFRESH_MS } from '@/lib/transcript/queries';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/server';
// The page loads the panel lazily; importing it here transforms it before the first test's clock.
import './transcript-panel';

const messagesPath = '/api/conversation/:id/messages/:count';

/** jsdom lays nothing out: give the scroll region a tall viewport, so every loaded row renders. */
function tallViewport() {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(100_000);
}

/** The counts the page asked the messages endpoint for, in order. */
function recordCounts() {
  const counts: number[] = [];
  server.events.on('request:start', ({ request }) => {
    const count = /\/messages\/(\d+)$/.exec(new URL(request.url).pathname)?.[1];
    if (count) counts.push(Number(count));
  });
  return counts;
}

const transcript = () => screen.findByRole('region', { name: 'Transcript' });
/** The transcript's rows: list items not inside another (a message's sources are lists too). */
const rows = (region: HTMLElement) =>
  within(within(region).getByRole('region', { name: 'Messages' }))
    .getAllByRole('listitem')
    .filter((item) => !item.parentElement?.closest('li'));

describe('transcript panel', () => {
  beforeEach(() => {
    server.events.removeAllListeners();
  });

  it('shows who wrote each message, when, and its text with safe links', async () => {
    tallViewport();
    renderApp('/conversations/conv_abc123');
    // Found on the page first: the panel's code loads lazily, after its placeholder.
    await screen.findByText(/I can't log in to my account/);
    const panel = await transcript();

    const [first, second, , , fifth] = rows(panel);
    expect(within(first!).getByText('Contact')).toBeVisible();
    expect(within(first!).getByText(/Feb 20, 2026/)).toHaveAttribute('dateTime');
    expect(within(second!).getByText('AI agent')).toBeVisible();
    expect(within(fifth!).getByText('Operator')).toBeVisible();
    expect(within(fifth!).getByText('· Agent 1')).toBeVisible();

    const link = within(second!).getByRole('link', { name: /app\.example\.com\/reset-password/ });
    expect(link).toHaveAttribute('href', 'https://app.example.com/reset-password');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    // The closing parenthesis and full stop after an address are not part of it.
    expect(within(panel).getByRole('link', { name: /help\.example\.com/ })).toHaveAttribute(
      'href',
      'https://help.example.com/articles/login-issues',
    );
    // Eight messages were asked fifty: there is nothing earlier.
    expect(within(panel).getByText('Start of the conversation')).toBeVisible();
    expect(within(panel).queryByRole('button', { name: 'Load earlier messages' })).toBeNull();
  });

  it('shows the rest of the page while the messages are still loading', async () => {
    server.use(http.get(messagesPath, () => delay('infinite')));
    renderApp('/conversations/conv_wa_7Hk2pQ');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Pedido #48213 não chegou' }),
    ).toBeVisible();
    expect(within(screen.getByRole('region', { name: 'Contacts' })).getByText('Carla Mendes'));
    const panel = await transcript();
    expect(within(panel).getByText('Loading messages…')).toBeInTheDocument();
  });

  it('loads earlier messages on request, above the ones shown, in order', async () => {
    tallViewport();
    const counts = recordCounts();
    const { user } = renderApp('/conversations/conv_dash_crowded');
    const panel = await transcript();
    await within(panel).findByRole('button', { name: 'Load earlier messages' });
    expect(rows(panel)).toHaveLength(50);
    const newest = rows(panel).at(-1)!.textContent;

    await user.click(within(panel).getByRole('button', { name: 'Load earlier messages' }));
    await vi.waitFor(() => expect(rows(panel)).toHaveLength(100));
    // The first fifty may be asked twice (prefetched, then refreshed); then a hundred.
    expect(counts.at(-1)).toBe(100);
    expect(new Set(counts)).toEqual(new Set([50, 100]));
    expect(rows(panel).at(-1)!.textContent).toBe(newest);
    const times = within(panel)
      .getAllByText((_, element) => element?.tagName === 'TIME')
      .map((time) => Date.parse(time.getAttribute('dateTime')!));
    expect(times).toEqual(times.toSorted((a, b) => a - b));
  });

  it('keeps the shown messages when loading earlier ones fails, and retries', async () => {
    tallViewport();
    let failing = true;
    server.use(
      http.get(messagesPath, ({ params }) =>
        failing && params.count === '100'
          ? HttpResponse.json({ error: 'boom' }, { status: 500 })
          : undefined,
      ),
    );
    const { user } = renderApp('/conversations/conv_dash_crowded');
    const panel = await transcript();
    await user.click(await within(panel).findByRole('button', { name: 'Load earlier messages' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'Earlier messages could not be loaded.',
    );
    expect(rows(panel)).toHaveLength(50);

    failing = false;
    await user.click(within(panel).getByRole('button', { name: 'Retry' }));
    await vi.waitFor(() => expect(rows(panel)).toHaveLength(100));
  });

  it('says why the messages failed and offers Retry, while the rest of the page stays', async () => {
    let failing = true;
    server.use(
      http.get(messagesPath, () =>
        failing ? HttpResponse.json({ error: 'boom' }, { status: 503 }) : undefined,
      ),
    );
    const { user } = renderApp('/conversations/conv_tg_5512');
    const panel = await transcript();
    const alert = await within(panel).findByRole('alert');
    expect(alert).toHaveTextContent('The messages could not be loaded.');
    expect(alert).toHaveTextContent('The Chatvolt API has a problem');
    expect(alert).toHaveTextContent('HTTP 503');
    expect(screen.getByRole('heading', { level: 1, name: 'Cobrança duplicada no cartão' }));

    failing = false;
    tallViewport();
    await user.click(within(panel).getByRole('button', { name: 'Retry' }));
    expect(await within(panel).findByText(/fui cobrado duas vezes/)).toBeVisible();
  });

  it('says when the API answer is not a transcript', async () => {
    server.use(http.get(messagesPath, () => HttpResponse.text('<html>Bad gateway</html>')));
    renderApp('/conversations/conv_tg_5512');
    const panel = await transcript();
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'The API sent something unexpected',
    );
  });

  it('says so when the conversation has no messages', async () => {
    renderApp('/conversations/conv_empty_01');
    const panel = await transcript();
    expect(await within(panel).findByText('No messages in this conversation yet.')).toBeVisible();
  });

  it('shows unknown shapes as received and markup as plain text', async () => {
    tallViewport();
    renderApp('/conversations/conv_api_malformed');
    const panel = await transcript();
    await within(panel).findByText(/Integrei pela API/);

    expect(within(panel).getByText('Recebido! Este formato também é lido.')).toBeVisible();
    expect(within(panel).getAllByText('Unknown sender').length).toBeGreaterThan(0);
    expect(within(panel).getByText(/"latitude": -23.5505/)).toBeVisible();
    expect(within(panel).getByText('mensagem solta, sem estrutura')).toBeVisible();
    expect(within(panel).getByText('42')).toBeVisible();

    const markup = within(panel).getByText(/<script>alert\(1\)<\/script>/);
    expect(markup).toHaveTextContent('<b>negrito?</b>');
    expect(panel.querySelector('script, b')).toBeNull();
    expect(
      within(markup)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['https://lojaexemplo.com.br/ajuda']);
  });

  it('renders every loaded message for printing, and only those on screen otherwise', async () => {
    // No viewport stub: jsdom's scroll region has no height, so no row is on screen.
    renderApp('/conversations/conv_tg_5512');
    const panel = await transcript();
    const list = await within(panel).findByRole('region', { name: 'Messages' });
    await vi.waitFor(() => expect(within(panel).getByText('9')).toBeVisible());
    expect(within(list).queryAllByRole('listitem')).toHaveLength(0);

    act(() => void window.dispatchEvent(new Event('beforeprint')));
    expect(rows(panel)).toHaveLength(9);
    act(() => void window.dispatchEvent(new Event('afterprint')));
    expect(within(list).queryAllByRole('listitem')).toHaveLength(0);
  });
});

describe('transcript freshness', () => {
  beforeEach(() => {
    server.events.removeAllListeners();
    // Real time still runs (MSW and Testing Library need it); tests jump ahead on purpose.
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => vi.useRealTimers());

  it('asks for new messages every 5 s, and with the page’s Refresh button and `r`', async () => {
    tallViewport();
    const counts = recordCounts();
    const { user } = renderApp('/conversations/conv_abc123');
    await screen.findByText(/I can't log in to my account/);
    // Each trigger asks again for the newest 50 (tests keep no data fresh, so the first load may
    // have asked twice; and the refresh keeps to the clock, which also moves on by itself).
    let asked = counts.length;
    const askedAgain = async () => {
      await vi.waitFor(() => expect(counts.length).toBeGreaterThan(asked));
      expect(counts.at(-1)).toBe(50);
      asked = counts.length;
    };

    await act(() => vi.advanceTimersByTimeAsync(TRANSCRIPT_REFRESH_MS));
    await askedAgain();
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await askedAgain();
    await user.keyboard('r');
    await askedAgain();
  });

  it('keeps the messages when a refresh fails, saying new ones could not be checked for', async () => {
    tallViewport();
    renderApp('/conversations/conv_abc123');
    const panel = await transcript();
    await within(panel).findByText(/I can't log in to my account/);
    server.use(http.get(messagesPath, () => HttpResponse.json({ error: 'boom' }, { status: 500 })));
    // Retries (0.5 s, 1 s, 2 s) come first: the notice follows the last of them.
    for (let step = 0; step < 4; step += 1) {
      await act(() => vi.advanceTimersByTimeAsync(TRANSCRIPT_REFRESH_MS));
    }
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'New messages could not be checked for.',
    );
    expect(within(panel).getByText(/I can't log in to my account/)).toBeInTheDocument();
  });
});
