// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readServerEnv, refusalToServe } from './server-env';

const serving = (env: Record<string, string>) => refusalToServe(readServerEnv(env));

describe('secure by default', () => {
  it('refuses to serve live data unless sign-in is said to be off', () => {
    expect(serving({ CHATVOLT_API_KEY: 'k' })).toMatch(/VIEWER_AUTH=off/);
    expect(serving({ CHATVOLT_API_KEY: 'k', VIEWER_AUTH: 'off' })).toBeNull();
  });

  it('serves demo data without a word, a key being absent or empty', () => {
    expect(serving({})).toBeNull();
    expect(serving({ CHATVOLT_API_KEY: '  ' })).toBeNull();
  });

  it('refuses a VIEWER_AUTH it does not know, rather than reading it as off', () => {
    expect(() => readServerEnv({ CHATVOLT_API_KEY: 'k', VIEWER_AUTH: 'false' })).toThrow(
      'VIEWER_AUTH must be "off" or unset, not "false"',
    );
  });
});
