import { describe, expect, it } from 'vitest';
import { demoBadgeDictionaries } from '@/app/demo-badge';
import { errorDictionaries } from '@/components/conversation/error-messages';
import { actionsDictionaries } from '@/features/actions/actions-messages';
import { pageDictionaries } from '@/app/page-messages';
import { accountDictionaries } from '@/features/account/account-messages';
import { recentsDictionaries } from '@/features/recents/recents-messages';
import { shortcutsDictionaries } from '@/features/shortcuts/shortcuts-messages';
import { transcriptDictionaries } from '@/features/transcript/transcript-messages';
import { triageDictionaries } from '@/features/triage/triage-messages';
import { leaves } from '@/testing/dictionary-leaves';
import { en } from './messages';
import { ptBR } from './messages.pt-BR';

// One argument that reads as a count, a label and a list of fields alike, for every function.
const sampleArguments = [['2'], ['3']];

// The app's words, and those of the features that keep theirs with their code.
const dictionaries: [name: string, english: object, portuguese: object][] = [
  ['app', en, ptBR],
  ['triage', triageDictionaries.en, triageDictionaries['pt-BR']],
  ['errors', errorDictionaries.en, errorDictionaries['pt-BR']],
  ['actions', actionsDictionaries.en, actionsDictionaries['pt-BR']],
  ['transcript', transcriptDictionaries.en, transcriptDictionaries['pt-BR']],
  ['shortcuts', shortcutsDictionaries.en, shortcutsDictionaries['pt-BR']],
  ['recents', recentsDictionaries.en, recentsDictionaries['pt-BR']],
  ['account', accountDictionaries.en, accountDictionaries['pt-BR']],
  ['pages', pageDictionaries.en, pageDictionaries['pt-BR']],
  ['demo', demoBadgeDictionaries.en, demoBadgeDictionaries['pt-BR']],
];

// Names and words that read the same in both languages.
const same = new Set([
  'app:errors.status',
  'demo:demoDataShort',
  'app:variables.unnamed',
  'app:status.label',
  'app:panels.tags',
  'app:contact.email',
  'shortcuts:enter',
  'shortcuts:ctrl',
  'triage:status',
  'triage:tag',
  'actions:status',
]);
const isSame = (name: string, path: string) =>
  same.has(`${name}:${path}`) || path.startsWith('channels.');

describe.each(dictionaries)('UI strings (%s)', (name, english, portuguese) => {
  it('has every key in both languages, and no key in only one', () => {
    const englishKeys = leaves(english).map(([path]) => path);
    const portugueseKeys = leaves(portuguese).map(([path]) => path);
    expect(englishKeys.filter((key) => !portugueseKeys.includes(key))).toEqual([]);
    expect(portugueseKeys.filter((key) => !englishKeys.includes(key))).toEqual([]);
    expect(englishKeys.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['en', english],
    ['pt-BR', portuguese],
  ])('gives words, never an empty string, in %s', (_, dictionary) => {
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
    const englishWords = new Map(leaves(english));
    const untranslated = leaves(portuguese)
      .filter(([path, value]) => typeof value === 'string' && !isSame(name, path))
      .filter(([path, value]) => englishWords.get(path) === value)
      .map(([path]) => path);
    expect(untranslated).toEqual([]);
  });
});
