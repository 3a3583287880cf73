import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/server';

type Resolver = Parameters<typeof http.get>[1];
const answerWith = (resolver: Resolver) => server.use(http.get('/api/conversation/:id', resolver));

describe('conversation page', () => {
  it('shows a skeleton while loading, then the conversation at a glance', async () => {
    renderApp('/conversations/conv_abc123');
    expect(
      screen.getByText('Loading conversation…').closest('[aria-busy="true"]'),
    ).toBeInTheDocument();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Customer X support' }),
    ).toBeVisible();
    expect(document.title).toBe('Customer X support · Conversation Viewer');
    expect(screen.getByText('Unresolved')).toBeVisible();

    const contacts = screen.getByRole('region', { name: 'Contacts' });
    expect(within(contacts).getByText('John')).toBeVisible();
    expect(within(contacts).getByRole('link', { name: 'john@example.com' })).toHaveAttribute(
      'href',
      'mailto:john@example.com',
    );
    expect(within(contacts).getByRole('link', { name: '+55 11 99999-9999' })).toHaveAttribute(
      'href',
      'tel:+5511999999999',
    );

    const assignees = screen.getByRole('region', { name: 'Assignees' });
    expect(within(assignees).getByText('Agent 1')).toBeVisible();
    expect(
      within(screen.getByRole('region', { name: 'Tags' })).getByText('high-priority'),
    ).toBeVisible();

    const timeline = screen.getByRole('region', { name: 'CRM timeline' });
    expect(within(timeline).getByRole('heading', { name: /Onboarding - New Lead/ })).toBeVisible();
    expect(within(timeline).getByRole('listitem', { current: 'step' })).toHaveTextContent(
      'Initial contact',
    );
  });

  it('shows panels with nothing in them as useful empty states', async () => {
    renderApp('/conversations/conv_abc123');
    const variables = await screen.findByRole('region', { name: 'Variables' });
    expect(within(variables).getByText('No variables were collected.')).toBeVisible();
    expect(
      within(screen.getByRole('region', { name: 'Metadata' })).getByText('No metadata.'),
    ).toBeVisible();
  });

  it('says the conversation was not found and shows the id', async () => {
    renderApp('/conversations/conv_missing');
    expect(await screen.findByRole('heading', { name: 'Conversation not found' })).toBeVisible();
    expect(screen.getByText('conv_missing')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('explains how to configure the key when the API refuses it', async () => {
    answerWith(() => HttpResponse.json({ error: 'unauthorized' }, { status: 401 }));
    renderApp('/conversations/conv_abc123');
    expect(
      await screen.findByRole('heading', { name: /API key is missing or not accepted/ }),
    ).toBeVisible();
    expect(screen.getByText(/CHATVOLT_API_KEY/)).toBeVisible();
  });

  // The API refuses a bad key with JSON, or with a plain-text `Forbidden`.
  it.each([
    ['JSON', () => HttpResponse.json({ error: 'UNAUTHORIZED' }, { status: 403 })],
    ['plain text', () => HttpResponse.text('Forbidden', { status: 403 })],
  ])('says the API refused the key, and what to check, on a 403 in %s', async (_, answer) => {
    answerWith(answer);
    renderApp('/conversations/conv_abc123');
    expect(
      await screen.findByRole('heading', {
        name: 'The Chatvolt API refused the viewer’s key or access',
      }),
    ).toBeVisible();
    expect(screen.getByText(/administrator should check CHATVOLT_API_KEY/)).toBeVisible();
    expect(screen.getByText('(HTTP 403)')).toBeVisible();
  });

  it('asks to wait as long as Retry-After says when rate limited', async () => {
    answerWith(() => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '30' } }));
    renderApp('/conversations/conv_abc123');
    expect(await screen.findByRole('heading', { name: 'Too many requests' })).toBeVisible();
    expect(screen.getByText('Try again in 30 seconds.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeDisabled();
  });

  it('offers Retry after a server error and then shows the conversation', async () => {
    server.use(
      http.get('/api/conversation/:id', () => new HttpResponse(null, { status: 503 }), {
        once: true,
      }),
    );
    const { user } = renderApp('/conversations/conv_abc123');
    expect(
      await screen.findByRole('heading', { name: 'The Chatvolt API has a problem' }),
    ).toBeVisible();
    expect(screen.getByText('(HTTP 503)')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Customer X support' }),
    ).toBeVisible();
  });

  it('says the connection failed when the network is down', async () => {
    answerWith(() => HttpResponse.error());
    renderApp('/conversations/conv_abc123');
    expect(await screen.findByRole('heading', { name: /No connection/ })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeEnabled();
  });

  it.each([
    [
      'a gateway HTML page',
      () =>
        new HttpResponse('<html><body>Bad gateway</body></html>', {
          headers: { 'content-type': 'text/html' },
        }),
    ],
    ['a JSON list', () => HttpResponse.json([1, 2])],
    ['a JSON string', () => HttpResponse.json('conversation')],
    ['an empty body', () => new HttpResponse('', { status: 200 })],
  ])('says the answer was unexpected when the API sends %s', async (_, response) => {
    answerWith(response);
    renderApp('/conversations/conv_abc123');
    expect(
      await screen.findByRole('heading', { name: 'The API sent something unexpected' }),
    ).toBeVisible();
  });

  it('reads every section it can when some are malformed, and says which are not', async () => {
    renderApp('/conversations/conv_api_malformed');
    expect(
      await screen.findByRole('heading', { level: 1, name: /Integração via API/ }),
    ).toBeVisible();

    const contacts = screen.getByRole('region', { name: 'Contacts' });
    expect(within(contacts).getByRole('note')).toHaveTextContent('1 entry could not be read');
    expect(within(contacts).getByText(/Maria da Silva/)).toBeVisible();

    const assignees = screen.getByRole('region', { name: 'Assignees' });
    expect(within(assignees).getByText('Atendente Válido')).toBeVisible();
    expect(within(assignees).getByRole('note')).toHaveTextContent('1 entry could not be read');

    expect(screen.getByText(/unexpected type.*isAiEnabled, frustration, updatedAt/)).toBeVisible();
    expect(
      within(screen.getByRole('region', { name: 'Variables' })).getByText('tentativa'),
    ).toBeVisible();
  });

  it('shows status and priority values it does not know as they come', async () => {
    renderApp('/conversations/conv_empty_01');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Untitled conversation' }),
    ).toBeVisible();
    expect(screen.getByText('SNOOZED')).toBeVisible();
    expect(screen.getByText('Priority: URGENT')).toBeVisible();
    expect(screen.getByText(/Not measured/)).toBeVisible();
  });

  it('filters a long list of variables', async () => {
    const { user } = renderApp('/conversations/conv_dash_crowded');
    const variables = await screen.findByRole('region', { name: 'Variables' });
    await user.type(
      within(variables).getByRole('searchbox', { name: 'Filter variables' }),
      'contrato',
    );
    expect(await within(variables).findByText('1 of 40')).toBeVisible();
    expect(within(variables).getByText('contrato')).toBeVisible();
    expect(within(variables).queryByText('loja_01_status')).not.toBeInTheDocument();
  });

  it('copies the conversation id', async () => {
    const { user } = renderApp('/conversations/conv_abc123');
    await user.click(await screen.findByRole('button', { name: 'Copy conversation id' }));
    expect(await navigator.clipboard.readText()).toBe('conv_abc123');
    expect(screen.getByText('Copied')).toBeInTheDocument();
  });

  it('sends an odd id to the API as one encoded path segment', async () => {
    const requested: string[] = [];
    answerWith(({ request }) => {
      requested.push(new URL(request.url).pathname);
      return HttpResponse.json({ id: 'a/b?c#d e%', title: 'Odd id' });
    });
    renderApp(`/conversations/${encodeURIComponent('a/b?c#d e%')}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Odd id' })).toBeVisible();
    expect(requested).toEqual(['/api/conversation/a%2Fb%3Fc%23d%20e%25']);
  });

  it('asks for an id instead of calling the API with a blank one', async () => {
    let requests = 0;
    answerWith(() => {
      requests += 1;
      return HttpResponse.json({});
    });
    renderApp('/conversations/%20%20');
    expect(await screen.findByRole('heading', { name: 'Enter a conversation id.' })).toBeVisible();
    expect(await screen.findByRole('textbox', { name: 'Conversation id or link' })).toBeVisible();
    expect(requests).toBe(0);
  });
});
