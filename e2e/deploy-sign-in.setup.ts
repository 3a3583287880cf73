/** Signs the deploy run's agent in once, through nginx and the provider, for the tests to reuse. */
import { expect, test as setup } from '@playwright/test';
import { deployAgent, deployAgentStatePath } from './support/deploy-env.ts';
import { signInAtProvider } from './support/sign-in.ts';

setup('an agent of the organization signs in behind nginx', async ({ page }) => {
  await page.goto('/conversations/conv_live_1');
  await signInAtProvider(page, deployAgent);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Live conversation from the stub' }),
  ).toBeVisible();
  await page.context().storageState({ path: deployAgentStatePath });
});
