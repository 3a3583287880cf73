import { focusManager } from '@tanstack/react-query';
import { act, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoConversations } from '@/mocks/fixtures/demo-conversations';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/server';
import { REFRESH_INTERVAL_MS } from '@/lib/query-client';
import { FRESHNESS_TICK_MS } from './conversation-toolbar';

const ID = 'conv_abc123';
const heading = () => screen.findByRole('heading', { level: 1, name: 'Customer X support' });
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

/** Answers the conversation, counting the requests; `hold` makes the next answers wait. */
function serveConversation() {
  const served = { requests: 0, held: null as (() => void) | null, hold: false, fail: false };
  server.use(
    http.get('/api/conversation/:id', async () => {
      served.requests += 1;
      if (served.hold) await new Promise<void>((resolve) => (served.held = resolve));
      if (served.fail) return new HttpResponse(null, { status: 503 });
      return HttpResponse.json(demoConversations[ID]);
    }),
  );
  return served;
}

describe('conversation freshness', () => {
  beforeEach(() => {
    // Real time still runs (MSW and Testing Library need it); tests jump ahead on purpose.
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2026-03-02T10:00:00Z'));
  });
  afterEach(() => {
    focusManager.setFocused(undefined);
    vi.useRealTimers();
  });

  it('says when the viewer last fetched the data, and keeps that up to date', async () => {
    serveConversation();
    renderApp(`/conversations/${ID}`);
    await heading();
    expect(screen.getByText('Refreshed now')).toBeVisible();
    await advance(FRESHNESS_TICK_MS * 2);
    expect(screen.getByText('Refreshed 20 seconds ago')).toBeVisible();
  });

  it('refetches every 30 s while the tab is visible, with a quiet indicator meanwhile', async () => {
    const served = serveConversation();
    renderApp(`/conversations/${ID}`);
    await heading();
    const indicator = screen.getByText('Refreshing…');
    expect(indicator).not.toBeVisible();

    served.hold = true;
    await advance(REFRESH_INTERVAL_MS);
    expect(served.requests).toBe(2);
    expect(indicator).toBeVisible();
    // The data stays on screen while it refreshes.
    expect(await heading()).toBeVisible();

    served.hold = false;
    act(() => served.held?.());
    await vi.waitFor(() => expect(indicator).not.toBeVisible());
    expect(screen.getByText('Refreshed now')).toBeVisible();
  });

  it('does not refetch on the interval while the tab is hidden, and does on coming back', async () => {
    const served = serveConversation();
    renderApp(`/conversations/${ID}`);
    await heading();
    act(() => focusManager.setFocused(false));
    await advance(REFRESH_INTERVAL_MS * 3);
    expect(served.requests).toBe(1);

    act(() => focusManager.setFocused(true));
    await vi.waitFor(() => expect(served.requests).toBe(2));
  });

  it('refetches on Refresh and on r', async () => {
    const served = serveConversation();
    const { user } = renderApp(`/conversations/${ID}`);
    await heading();
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await vi.waitFor(() => expect(served.requests).toBe(2));
    await user.keyboard('r');
    await vi.waitFor(() => expect(served.requests).toBe(3));
  });

  it('keeps the data with a notice when a background refresh fails', async () => {
    const served = serveConversation();
    renderApp(`/conversations/${ID}`);
    await heading();
    served.fail = true;
    await advance(REFRESH_INTERVAL_MS);
    expect(
      await screen.findByText('Could not refresh; showing the data loaded earlier.'),
    ).toBeVisible();
    expect(await heading()).toBeVisible();
  });
});

describe('copying the link', () => {
  it('copies the deep link on c and says so', async () => {
    const { user } = renderApp(`/conversations/${ID}?tab=crm#tags`);
    await heading();
    await user.keyboard('c');
    expect(await navigator.clipboard.readText()).toBe(
      `${window.location.origin}/conversations/${ID}`,
    );
    expect(await screen.findByText('Link copied')).toHaveAttribute('role', 'status');
  });

  it('offers the link to copy by hand when the browser refuses', async () => {
    const { user } = renderApp(`/conversations/${ID}`);
    await heading();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText(/did not allow copying/)).toBeVisible();
    const link = screen.getByRole('textbox', { name: 'Link to this conversation' });
    expect(link).toHaveValue(`${window.location.origin}/conversations/${ID}`);
    expect(link).toHaveFocus();
  });
});
