// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './oidc-sign-in';

const viewer = 'https://viewer.test';
/** Where the browser goes when sent to `path` from the viewer. */
const originReached = (path: string) => new URL(path, viewer).origin;

describe('where sign-in returns to', () => {
  it('keeps a path of the viewer’s with its query and fragment', () => {
    expect(safeReturnTo('/conversations/abc?x=1#m')).toBe('/conversations/abc?x=1#m');
  });

  it.each([
    ['nothing', null],
    ['undefined', undefined],
    ['an empty string', ''],
    ['another origin', 'https://evil.test/'],
    ['a scheme-relative address', '//evil.test/x'],
    ['a backslash that browsers read as a slash', '/\\evil.test'],
    ['a tab inside the slashes', '/\t/evil.test'],
    ['a relative path', 'conversations'],
    ['a sign-in route, which would start over', '/auth/login?returnTo=/x'],
    ['the sign-in callback', '/auth/callback?code=1'],
    ['an oversized path', `/${'a'.repeat(2_000)}`],
  ])('turns %s into /', (_, raw) => {
    expect(safeReturnTo(raw)).toBe('/');
  });

  it('keeps a path just within the size limit', () => {
    const path = `/${'a'.repeat(1_999)}`;

    expect(safeReturnTo(path)).toBe(path);
  });

  it('does not decode an encoded slash into another origin', () => {
    const result = safeReturnTo('/%2F%2Fevil.test');

    expect(result).toBe('/%2F%2Fevil.test');
    expect(originReached(result)).toBe(viewer);
  });

  it.each(['/%5Cevil.test', '/%2F/evil.test', '/%09/evil.test'])(
    'keeps %s a path of the viewer’s',
    (raw) => {
      expect(originReached(safeReturnTo(raw))).toBe(viewer);
    },
  );

  // URL parsing removes the dot segment, and the pathname would come back as `//evil.test`, which
  // a browser takes as another host.
  for (const raw of ['/.//evil.test', '/a/..//evil.test', '/./\\evil.test']) {
    it(`keeps ${JSON.stringify(raw)} a path of the viewer’s after dot segments are removed`, () => {
      expect(originReached(safeReturnTo(raw))).toBe(viewer);
    });
  }
});
