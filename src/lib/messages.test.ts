import { describe, expect, it } from 'vitest';
import { en, type Messages } from './messages';
import { ptBR } from './messages.pt-BR';

type Entry = [path: string, value: unknown];

/** Every leaf of a dictionary, by its dotted path. */
function leaves(dictionary: object, prefix = ''): Entry[] {
  return Object.entries(dictionary).flatMap(([key, value]): Entry[] =>
    typeof value === 'object' && value !== null
      ? leaves(value as object, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value]],
  );
}

// One argument that reads as a count, a label and a list of fields alike, for every function.
const sampleArguments = [['2'], ['3']];
const dictionaries: [string, Messages][] = [
  ['en', en],
  ['pt-BR', ptBR],
];

describe('UI strings', () => {
  it('has every key in both languages, and no key in only one', () => {
    const englishKeys = leaves(en).map(([path]) => path);
    const portugueseKeys = leaves(ptBR).map(([path]) => path);
    expect(englishKeys.filter((key) => !portugueseKeys.includes(key))).toEqual([]);
    expect(portugueseKeys.filter((key) => !englishKeys.includes(key))).toEqual([]);
    expect(englishKeys.length).toBeGreaterThan(150);
  });

  it.each(dictionaries)('gives words, never an empty string, in %s', (_, dictionary) => {
    for (const [path, value] of leaves(dictionary)) {
      const text =
        typeof value === 'function'
          ? String((value as (...args: unknown[]) => unknown)(...sampleArguments))
          : value;
      expect(typeof text, path).toBe('string');
      expect((text as string).trim(), path).not.toBe('');
      expect(text, path).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it('is translated: the Portuguese differs from the English wherever words are said', () => {
    const english = new Map(leaves(en));
    // Names and words that read the same in both languages.
    const same = new Set([
      'errors.status',
      'demoDataShort',
      'variables.unnamed',
      'status.label',
      'triage.status',
      'panels.tags',
      'triage.tag',
      'contact.email',
      'shortcuts.enter',
      'shortcuts.ctrl',
    ]);
    const isSame = (path: string) => same.has(path) || path.startsWith('channels.');
    const untranslated = leaves(ptBR)
      .filter(([path, value]) => typeof value === 'string' && !isSame(path))
      .filter(([path, value]) => english.get(path) === value)
      .map(([path]) => path);
    expect(untranslated).toEqual([]);
  });
});
