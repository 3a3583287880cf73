/**
 * Playwright config of the deploy end-to-end run (`npm run test:deploy`): the live build, built
 * without a key, served by nginx from deploy/nginx.conf.template in front of two copies of the
 * viewer's server and a stub Chatvolt API, signing in at a real OpenID provider. The tests run as
 * an agent signed in once beforehand (deploy-sign-in.setup.ts), except those about being signed
 * out; those that hold back or stop the copies run last.
 */
import { defineConfig, devices } from '@playwright/test';
import {
  deployAgentStatePath,
  deployBaseUrl,
  deployDistDir,
  deployOidcPort,
  deployStubPort,
  deployStubUrl,
  repoRoot,
} from './support/deploy-env.ts';
import { launchOptions } from './support/browser.ts';
import { issuerAt } from './support/sign-in-env.ts';

export default defineConfig({
  testDir: '.',
  // Apart from the main run's test-results/, which it empties when it starts.
  outputDir: '../test-results-deploy',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  expect: { timeout: 10_000 },
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI
    ? [['line'], ['json', { outputFile: '../.ci-out/deploy.json' }]]
    : 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: deployBaseUrl,
    trace: 'retain-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'sign-in', testMatch: 'deploy-sign-in.setup.ts' },
    {
      name: 'deploy',
      testMatch: ['deploy.spec.ts', 'deploy-kubernetes.spec.ts'],
      grepInvert: /@copies/,
      dependencies: ['sign-in'],
      use: { storageState: deployAgentStatePath },
    },
    {
      // Last and alone: these tests hold back and stop the copies of the viewer's server.
      name: 'copies',
      testMatch: 'deploy.spec.ts',
      grep: /@copies/,
      dependencies: ['deploy'],
      use: { storageState: deployAgentStatePath },
    },
  ],
  webServer: [
    {
      command: 'node e2e/support/oidc-provider.ts',
      cwd: repoRoot,
      url: `${issuerAt(deployOidcPort)}/.well-known/openid-configuration`,
      env: { OIDC_PORT: String(deployOidcPort), OIDC_VIEWER_ORIGINS: deployBaseUrl },
      reuseExistingServer: false,
    },
    {
      command: 'node e2e/support/stub-upstream.ts',
      cwd: repoRoot,
      url: `${deployStubUrl}/__received`,
      env: { STUB_PORT: String(deployStubPort) },
      reuseExistingServer: false,
    },
    {
      // The image's build: live mode, and no key anywhere near it.
      command: `npm run --silent build -- --outDir ${deployDistDir} --logLevel warn && node e2e/support/deploy-nginx.ts`,
      cwd: repoRoot,
      url: `${deployBaseUrl}/healthz`,
      env: { VIEWER_MODE: 'live', CHATVOLT_API_KEY: '' },
      reuseExistingServer: false,
      // Room for apt to install nginx on a fresh machine.
      timeout: 300_000,
    },
  ],
});
