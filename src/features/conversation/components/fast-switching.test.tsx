import { act, screen } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { demoConversations } from '@/mocks/fixtures/demo-conversations';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/server';

describe('switching conversations quickly', () => {
  it('never shows one conversation under another’s id, and aborts what was left', async () => {
    // No screen shows an abort, so watch the requests themselves.
    const signals = new Map<string, AbortSignal>();
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      if (init?.signal)
        signals.set(input instanceof Request ? input.url : input.toString(), init.signal);
      return realFetch(input, init);
    });
    server.use(
      http.get('/api/conversation/:id', async ({ params }) => {
        const id = String(params.id);
        await delay(id === 'conv_abc123' ? 300 : 20);
        return HttpResponse.json(demoConversations[id]);
      }),
    );
    const { navigate } = renderApp('/conversations/conv_abc123');
    await act(() => navigate('/conversations/conv_wa_7Hk2pQ'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Pedido #48213 não chegou' }),
    ).toBeVisible();

    // The slow answer for the page left arrives later, and must not take over.
    await act(() => delay(400));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Pedido #48213 não chegou');
    expect(screen.getByText('conv_wa_7Hk2pQ')).toBeVisible();
    expect(signals.get('/api/conversation/conv_abc123')?.aborted).toBe(true);
    expect(signals.get('/api/conversation/conv_wa_7Hk2pQ')?.aborted).toBe(false);

    await act(() => navigate(-1));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Customer X support' }),
    ).toBeVisible();
    expect(screen.getByText('conv_abc123')).toBeVisible();
  });
});
