// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { TRANSCRIPT_PAGE_SIZE } from '@/lib/transcript/queries';
import { PRELOADED_MESSAGES, preloadLinkFor } from './preload-link';

const preloads = (id: string) =>
  `</api/conversation/${id}>; rel=preload; as=fetch; crossorigin, ` +
  `</api/conversation/${id}/messages/50>; rel=preload; as=fetch; crossorigin`;

describe('preload link', () => {
  it('preloads a deep link’s conversation and the messages the page asks for first', () => {
    expect(preloadLinkFor('/conversations/conv_abc123')).toBe(preloads('conv_abc123'));
    expect(preloadLinkFor('/conversations/cm1x-Y_9')).toBe(preloads('cm1x-Y_9'));
    expect(PRELOADED_MESSAGES).toBe(TRANSCRIPT_PAGE_SIZE);
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
