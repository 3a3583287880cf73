import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { hostileConversation } from '@/mocks/fixtures/hostile-conversation';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/server';

describe('a conversation full of markup and script', () => {
  it('shows every payload as text and links nothing but mailto:, tel: and http(s):', async () => {
    server.use(http.get('/api/conversation/:id', () => HttpResponse.json(hostileConversation)));
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => undefined);
    const { user, container } = renderApp('/conversations/conv_hostile');

    const title = await screen.findByRole('heading', { level: 1 });
    expect(title).toHaveTextContent(`<img src=x onerror="window.__xss='title'`);
    await user.click(screen.getByText('Show JSON'));
    expect(await screen.findByText(/window.__xss='metadata'/)).toBeInTheDocument();

    expect(container.querySelectorAll('img, script, svg[onload], iframe, object')).toHaveLength(0);
    expect(container.querySelectorAll('[onerror], [onload], [onmouseover]')).toHaveLength(0);
    const hrefs = [...container.querySelectorAll('a[href]')].map(
      (link) => link.getAttribute('href') ?? '',
    );
    expect(hrefs.filter((href) => !/^(mailto:|tel:\+?\d+$|https?:\/\/|\/|#)/.test(href))).toEqual(
      [],
    );

    // The javascript: e-mail and phone stay plain text.
    const contacts = screen.getByRole('region', { name: 'Contacts' });
    expect(
      within(contacts).getByText("javascript:window.__xss='email'//@example.com"),
    ).not.toHaveAttribute('href');
    expect(within(contacts).queryAllByRole('link')).toHaveLength(0);
    expect(alert).not.toHaveBeenCalled();
    expect((window as { __xss?: unknown }).__xss).toBeUndefined();
  });
});
