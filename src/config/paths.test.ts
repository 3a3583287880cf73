import { describe, expect, it } from 'vitest';
import { conversationIdProblem, paths } from './paths';

describe('paths.conversation.href', () => {
  it('puts an id with reserved and non-ASCII characters into one path segment', () => {
    const href = paths.conversation.href('a/b?c#d%e f ü');
    expect(href).toBe('/conversations/a%2Fb%3Fc%23d%25e%20f%20%C3%BC');
    const url = new URL(href, 'http://viewer.test');
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
    expect(url.pathname.split('/')).toHaveLength(3);
    expect(decodeURIComponent(url.pathname.split('/')[2] ?? '')).toBe('a/b?c#d%e f ü');
  });

  it('leaves a plain id as it is', () => {
    expect(paths.conversation.href('conv_abc123')).toBe('/conversations/conv_abc123');
  });
});

describe('conversationIdProblem', () => {
  it.each([
    ['', 'empty'],
    ['   \t', 'empty'],
    ['x'.repeat(257), 'too-long'],
    ['conv\n1', 'control-characters'],
    ['conv\u00001', 'control-characters'],
    ['conv\u007f', 'control-characters'],
  ])('finds %j to be %s', (id, problem) => {
    expect(conversationIdProblem(id)).toBe(problem);
  });

  it.each(['conv_abc123', 'x'.repeat(256), 'clx9a/b?c#d ü'])('accepts %j', (id) => {
    expect(conversationIdProblem(id)).toBeNull();
  });
});
