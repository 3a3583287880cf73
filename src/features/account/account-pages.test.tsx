import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { SessionAnswer } from '@/config/auth-paths';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/server';

const bob = {
  signIn: 'on',
  email: 'bob@other.test',
  name: 'Bob Lee',
  expiresAt: 1_900_000_000,
  refusal: 'account-not-allowed',
} satisfies SessionAnswer;

const answerSession = (status: number, body: SessionAnswer) =>
  server.use(http.get('/auth/session', () => HttpResponse.json(body, { status })));

const heading = (name: string) => screen.findByRole('heading', { level: 1, name });

describe('the signed-out page', () => {
  it('says the agent signed out and offers to sign in again, back to the start page', async () => {
    renderApp('/signed-out');
    expect(await heading('You have signed out')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Sign in again' })).toHaveAttribute(
      'href',
      '/auth/login?returnTo=%2F',
    );
  });
});

describe('the account-not-allowed page', () => {
  const url = '/account-not-allowed?returnTo=%2Fconversations%2Fabc';

  it('names the account, says why it reads nothing, and offers another account or signing out', async () => {
    answerSession(200, bob);
    renderApp(url);
    expect(await heading('This account cannot read conversations here')).toBeVisible();
    expect(await screen.findByText('bob@other.test')).toBeVisible();
    expect(screen.getByText(/You are signed in as/)).toHaveTextContent(
      'You are signed in as bob@other.test (Bob Lee).',
    );
    expect(screen.getByText(/lets in only the accounts its administrators allowed/)).toBeVisible();
    expect(screen.queryByText(/has not verified this e-mail address/)).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in with another account' })).toHaveAttribute(
      'href',
      '/auth/login?returnTo=%2Fconversations%2Fabc&switch=1',
    );
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeVisible();
  });

  it('explains an address the identity provider has not verified', async () => {
    answerSession(200, { ...bob, refusal: 'email-not-verified' });
    renderApp(url);
    expect(
      await screen.findByText(
        'Your identity provider has not verified this e-mail address, so the viewer cannot tell whose it is.',
      ),
    ).toBeVisible();
    expect(screen.queryByText(/lets in only the accounts/)).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in with another account' })).toBeVisible();
  });

  it('says the agent is not signed in, and offers to sign in, back to the page', async () => {
    answerSession(401, { signIn: 'required' });
    renderApp(url);
    expect(await screen.findByText('You are not signed in.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/auth/login?returnTo=%2Fconversations%2Fabc',
    );
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
  });

  it('offers another account back to the start page, not to //evil.test', async () => {
    answerSession(200, bob);
    renderApp('/account-not-allowed?returnTo=%2F%2Fevil.test');
    expect(
      await screen.findByRole('link', { name: 'Sign in with another account' }),
    ).toHaveAttribute('href', '/auth/login?returnTo=%2F&switch=1');
  });

  it('goes on to the page when the account is let in after all', async () => {
    answerSession(200, { ...bob, refusal: null });
    renderApp('/account-not-allowed?returnTo=%2F');
    expect(await heading('Open a conversation')).toBeVisible();
    expect(
      screen.queryByRole('heading', { name: 'This account cannot read conversations here' }),
    ).not.toBeInTheDocument();
  });
});

describe('the sign-in-failed page', () => {
  it.each([
    ['expired', 'The sign-in took too long or was started in another tab.'],
    ['provider-unreachable', 'The identity provider could not be reached.'],
    ['denied', 'The identity provider did not let this sign-in through'],
    ['no-email', 'The identity provider did not say which e-mail address this account has'],
    ['failed', 'The identity provider’s answer could not be checked.'],
    ['something-new', 'The identity provider’s answer could not be checked.'],
  ])('explains the reason %s, and offers to try again', async (reason, explanation) => {
    renderApp(`/sign-in-failed?reason=${reason}&returnTo=%2Fconversations`);
    expect(await heading('Sign-in did not finish')).toBeVisible();
    expect(screen.getByText(explanation, { exact: false })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Try again' })).toHaveAttribute(
      'href',
      '/auth/login?returnTo=%2Fconversations',
    );
  });

  it('explains a failure that names no reason as a failed sign-in', async () => {
    renderApp('/sign-in-failed');
    expect(
      await screen.findByText('The identity provider’s answer could not be checked.', {
        exact: false,
      }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Try again' })).toHaveAttribute(
      'href',
      '/auth/login?returnTo=%2F',
    );
  });

  it.each(['%2F%2Fevil.test', 'https%3A%2F%2Fevil.test%2F', 'evil.test'])(
    'leads back to the start page, not to the returnTo %s',
    async (returnTo) => {
      renderApp(`/sign-in-failed?reason=expired&returnTo=${returnTo}`);
      expect(await screen.findByRole('link', { name: 'Try again' })).toHaveAttribute(
        'href',
        '/auth/login?returnTo=%2F',
      );
    },
  );
});

describe('an address the viewer does not have', () => {
  it('still says the page was not found', async () => {
    renderApp('/no-such-page');
    expect(await heading('Page not found')).toBeVisible();
  });
});
