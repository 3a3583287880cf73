import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionAnswer } from '@/config/auth-paths';
import { applyLocale } from '@/features/language/locale';
import { createTestQueryClient } from '@/testing/render-app';
import { server } from '@/testing/server';
import { AccountMenu } from './account-menu';

const ana: SessionAnswer = {
  signIn: 'on',
  email: 'ana@acme.test',
  name: 'Ana Souza',
  expiresAt: 1_900_000_000,
  refusal: null,
};

const answerSession = (status: number, body: SessionAnswer) =>
  server.use(http.get('/auth/session', () => HttpResponse.json(body, { status })));

/** Renders the menu beside something else on the page, to click outside it. */
function renderMenu() {
  const user = userEvent.setup();
  const queryClient = createTestQueryClient();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <p>Elsewhere on the page</p>
      <AccountMenu />
    </QueryClientProvider>,
  );
  return { user, queryClient, ...view };
}

const accountButton = () =>
  screen.findByRole('button', { name: 'Account: Ana Souza (ana@acme.test)' });

/** The panel the account button opens (the button shows the address too, on a wide screen). */
function panelOf(button: HTMLElement) {
  const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
  if (!panel) throw new Error('the account panel is not open');
  return within(panel);
}

/** Sends sign-out's answer, and records which methods reached `/auth/logout`. */
function answerLogout(respond: () => Response) {
  const methods: string[] = [];
  server.use(
    http.all('/auth/logout', ({ request }) => {
      methods.push(request.method);
      return respond();
    }),
  );
  return methods;
}

describe('account menu', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names who is signed in, and opens to their name, address and Sign out', async () => {
    answerSession(200, ana);
    const { user } = renderMenu();
    const button = await accountButton();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('Signed in as')).not.toBeInTheDocument();

    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const inPanel = panelOf(button);
    expect(inPanel.getByText('Signed in as')).toBeVisible();
    expect(inPanel.getByText('Ana Souza')).toBeVisible();
    expect(inPanel.getByText('ana@acme.test')).toBeVisible();
    expect(inPanel.getByText(/^Signed in until /)).toBeVisible();
    expect(inPanel.getByRole('button', { name: 'Sign out' })).toBeVisible();

    // The button toggles it shut again.
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('Signed in as')).not.toBeInTheDocument();
  });

  it('names an account without a name by its address alone', async () => {
    answerSession(200, { ...ana, name: null });
    const { user } = renderMenu();
    const button = await screen.findByRole('button', { name: 'Account: ana@acme.test' });
    await user.click(button);
    expect(panelOf(button).getByText('ana@acme.test')).toBeVisible();
    expect(screen.queryByText('Ana Souza')).not.toBeInTheDocument();
  });

  it('closes on Escape', async () => {
    answerSession(200, ana);
    const { user } = renderMenu();
    const button = await accountButton();
    await user.click(button);
    expect(screen.getByText('Signed in as')).toBeVisible();

    await user.keyboard('{Escape}');
    expect(screen.queryByText('Signed in as')).not.toBeInTheDocument();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('stays open on a click inside it, and closes on a click outside', async () => {
    answerSession(200, ana);
    const { user } = renderMenu();
    const button = await accountButton();
    await user.click(button);

    await user.click(panelOf(button).getByText('ana@acme.test'));
    expect(screen.getByText('Signed in as')).toBeVisible();

    await user.click(screen.getByText('Elsewhere on the page'));
    expect(screen.queryByText('Signed in as')).not.toBeInTheDocument();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it.each<[string, number, SessionAnswer]>([
    ['sign-in is off', 200, { signIn: 'off' }],
    ['nobody is signed in', 401, { signIn: 'required' }],
  ])('shows nothing when %s', async (_, status, body) => {
    answerSession(status, body);
    const { container, queryClient } = renderMenu();
    await waitFor(() =>
      expect(queryClient.getQueryState(['auth-session'])?.status).toBe('success'),
    );
    // React Query tells the component on the next task: let it draw what it would.
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(container).toHaveTextContent(/^Elsewhere on the page$/);
  });

  it('signs out at the viewer’s server, then goes where it says', async () => {
    answerSession(200, ana);
    const methods = answerLogout(() => HttpResponse.json({ next: '/signed-out' }));
    // jsdom does not leave the page: a stand-in address records where the browser was sent.
    const assign = vi.fn<(url: string) => void>();
    const { user } = renderMenu();
    await user.click(await accountButton());
    vi.stubGlobal('location', { href: window.location.href, assign });

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('/signed-out'));
    expect(methods).toEqual(['POST']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so when signing out fails, and lets the agent try again', async () => {
    answerSession(200, ana);
    const methods = answerLogout(() => new HttpResponse(null, { status: 500 }));
    const { user } = renderMenu();
    await user.click(await accountButton());

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not sign out. Try again in a moment.',
    );
    expect(methods).toEqual(['POST']);
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeEnabled();
  });

  it('speaks Portuguese when that is the language', async () => {
    await applyLocale('pt-BR');
    answerSession(200, ana);
    const { user } = renderMenu();
    const button = await screen.findByRole('button', {
      name: 'Conta: Ana Souza (ana@acme.test)',
    });

    await user.click(button);
    expect(screen.getByText('Conectado como')).toBeVisible();
    expect(screen.getByText(/^Conectado até /)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Sair' })).toBeVisible();
    expect(screen.queryByText('Signed in as')).not.toBeInTheDocument();
  });
});
