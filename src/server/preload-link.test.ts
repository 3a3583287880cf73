// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { preloadLinkFor } from './preload-link';

describe('preload link', () => {
  it('preloads a deep link’s conversation', () => {
    expect(preloadLinkFor('/conversations/conv_abc123')).toBe(
      '</api/conversation/conv_abc123>; rel=preload; as=fetch; crossorigin',
    );
    expect(preloadLinkFor('/conversations/cm1x-Y_9')).toBe(
      '</api/conversation/cm1x-Y_9>; rel=preload; as=fetch; crossorigin',
    );
  });

  it.each([
    '/',
    '/conversations',
    '/conversations/',
    '/conversations/a/b',
    '/conversations/echo%3Aa',
    '/conversations/a,b',
    '/conversations/a%3E;rel=preload',
    `/conversations/${'x'.repeat(257)}`,
    '/assets/index.js',
  ])('leaves %s alone', (path) => {
    expect(preloadLinkFor(path)).toBeNull();
  });
});
