import { describe, expect, it } from 'vitest';
import { httpHref } from './links';
import { splitLinks } from './text-links';

describe('splitLinks', () => {
  it('keeps text as text and turns http(s) addresses into links', () => {
    expect(
      splitLinks('Rastreio: https://correios.com.br/x?objeto=QB1 e http://a.example/b'),
    ).toEqual([
      { kind: 'text', text: 'Rastreio: ' },
      {
        kind: 'link',
        text: 'https://correios.com.br/x?objeto=QB1',
        href: 'https://correios.com.br/x?objeto=QB1',
      },
      { kind: 'text', text: ' e ' },
      { kind: 'link', text: 'http://a.example/b', href: 'http://a.example/b' },
    ]);
  });

  it('leaves sentence punctuation after an address out of the link', () => {
    const links = (text: string) =>
      splitLinks(text).flatMap((part) => (part.kind === 'link' ? [part.text] : []));
    expect(links('See https://a.example/help.')).toEqual(['https://a.example/help']);
    expect(links('(see https://a.example/help), then!')).toEqual(['https://a.example/help']);
    expect(links('Really? https://a.example/x?!')).toEqual(['https://a.example/x']);
    expect(links('"https://a.example/q"')).toEqual(['https://a.example/q']);
    // A parenthesis that belongs to the address stays.
    expect(links('https://en.wikipedia.org/wiki/Rio_(disambiguation).')).toEqual([
      'https://en.wikipedia.org/wiki/Rio_(disambiguation)',
    ]);
  });

  it('never links other schemes', () => {
    for (const text of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.com/file',
      'xhttps://example.com',
      'https://',
    ]) {
      expect(
        splitLinks(text).filter((part) => part.kind === 'link'),
        text,
      ).toEqual([]);
    }
  });

  it('keeps markup as text and stops an address at quotes and angle brackets', () => {
    expect(splitLinks('<a href="https://evil.example/x" onclick="steal()">oi</a>')).toEqual([
      { kind: 'text', text: '<a href="' },
      { kind: 'link', text: 'https://evil.example/x', href: 'https://evil.example/x' },
      { kind: 'text', text: '" onclick="steal()">oi</a>' },
    ]);
    expect(splitLinks('<https://a.example>')[1]).toEqual({
      kind: 'link',
      text: 'https://a.example',
      href: 'https://a.example/',
    });
  });

  it('returns the text whole when there is nothing to link, and nothing for no text', () => {
    expect(splitLinks('Olá,\nTudo bem?')).toEqual([{ kind: 'text', text: 'Olá,\nTudo bem?' }]);
    expect(splitLinks('')).toEqual([]);
  });
});

describe('httpHref', () => {
  it('accepts only http and https', () => {
    expect(httpHref('https://a.example/x y')).toBe('https://a.example/x%20y');
    expect(httpHref('HTTP://A.EXAMPLE')).toBe('http://a.example/');
    expect(httpHref('javascript:alert(1)')).toBeNull();
    expect(httpHref('not a url')).toBeNull();
  });
});
