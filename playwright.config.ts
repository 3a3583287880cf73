import { defineConfig, devices } from '@playwright/test';
import {
  demoDistDir,
  demoPort,
  e2eApiKey,
  liveDistDir,
  livePort,
  signInDistDir,
  signInLogPath,
  signInOrigin,
  signInPort,
  signInStubPort,
  signInStubUrl,
  stubPort,
  stubUrl,
} from './e2e/support/servers';
import { oidcIssuer, oidcPort, signInEnvAt } from './e2e/support/sign-in-env';
import { launchOptions } from './e2e/support/browser';

const preview = (outDir: string, port: number) =>
  `npm run --silent build -- --outDir ${outDir} --logLevel warn && npm run --silent preview -- --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two cores run the servers, the browser and axe at once: give first paints some slack.
  expect: { timeout: 10_000 },
  // One worker: two share the machine's two cores with three servers, and the heavy demo checks
  // (2,000 rows, a 5 MB conversation) then starve each other past their timeouts.
  workers: process.env.CI ? 1 : undefined,
  reporter: process.env.CI ? [['line'], ['json', { outputFile: '.ci-out/e2e.json' }]] : 'list',
  use: { trace: 'retain-on-failure', launchOptions },
  projects: [
    {
      name: 'demo',
      testMatch: /demo.*\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${demoPort}`, launchOptions },
    },
    {
      name: 'live',
      testMatch: /live.*\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${livePort}`, launchOptions },
    },
    {
      name: 'sign-in',
      testMatch: /sign-in.*\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], baseURL: signInOrigin, launchOptions },
    },
  ],
  webServer: [
    {
      command: `node e2e/support/stub-upstream.ts`,
      url: `http://127.0.0.1:${stubPort}/__received`,
      env: { STUB_PORT: String(stubPort) },
      reuseExistingServer: false,
    },
    {
      command: `node e2e/support/stub-upstream.ts`,
      url: `${signInStubUrl}/__received`,
      env: { STUB_PORT: String(signInStubPort) },
      reuseExistingServer: false,
    },
    {
      command: preview(demoDistDir, demoPort),
      url: `http://127.0.0.1:${demoPort}/`,
      env: { VIEWER_MODE: 'demo', CHATVOLT_API_KEY: '' },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // Built with the key present, to prove the build leaves it out.
      command: preview(liveDistDir, livePort),
      url: `http://127.0.0.1:${livePort}/`,
      env: {
        VIEWER_MODE: 'live',
        CHATVOLT_API_KEY: e2eApiKey,
        CHATVOLT_API_URL: stubUrl,
        // The stub's data is no one's: no sign-in in front of it.
        VIEWER_AUTH: 'off',
        CHATVOLT_API_TIMEOUT_MS: '3000',
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: 'node e2e/support/oidc-provider.ts',
      url: `${oidcIssuer}/.well-known/openid-configuration`,
      env: { OIDC_PORT: String(oidcPort), OIDC_VIEWER_ORIGINS: signInOrigin },
      reuseExistingServer: false,
    },
    {
      // The live build behind sign-in; its output (the audit log) goes to a file the tests read.
      command: `${preview(signInDistDir, signInPort)} > ${signInLogPath} 2>&1`,
      url: `${signInOrigin}/`,
      env: {
        VIEWER_MODE: 'live',
        CHATVOLT_API_KEY: e2eApiKey,
        CHATVOLT_API_URL: signInStubUrl,
        CHATVOLT_API_TIMEOUT_MS: '3000',
        ...signInEnvAt(oidcPort),
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
