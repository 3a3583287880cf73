/** Signing in at the test provider's own pages (oidc-provider.ts), as a person would. */
import { expect, type Page } from '@playwright/test';

/** At the provider's login page: logs in as `login`, and consents the first time. */
export async function signInAtProvider(page: Page, login: string) {
  const loginBox = page.getByRole('textbox', { name: 'Enter any login' });
  await expect(loginBox).toBeVisible();
  const provider = new URL(page.url()).origin;
  await loginBox.fill(login);
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  // The provider asks for consent once per account and browser, then sends the browser back.
  const consent = page.getByRole('button', { name: 'Continue' });
  const atProvider = () => page.url().startsWith(`${provider}/`);
  await expect.poll(async () => !atProvider() || (await consent.isVisible())).toBe(true);
  if (atProvider()) await consent.click();
  await expect.poll(atProvider).toBe(false);
}
