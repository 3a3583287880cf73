import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_DRAFTS, readDraft, saveDraft, watchDraft } from './drafts';

const PREFIX = 'conversation-viewer:reply-draft:';
const T0 = Date.parse('2026-12-04T10:00:00.000Z');

describe('drafts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('keeps one draft per conversation, with when it was saved', () => {
    expect(saveDraft('conv_a', { text: 'Olá, Carla' })).toBe(true);
    vi.setSystemTime(T0 + 1000);
    expect(saveDraft('conv_b', { text: 'Bom dia, Paulo' })).toBe(true);

    expect(readDraft('conv_a')).toEqual({ text: 'Olá, Carla', savedAt: T0 });
    expect(readDraft('conv_b')).toEqual({ text: 'Bom dia, Paulo', savedAt: T0 + 1000 });
    expect(readDraft('conv_c')).toBeNull();
  });

  it('removes a draft saved empty', () => {
    saveDraft('conv_a', { text: 'Olá' });
    expect(saveDraft('conv_a', { text: '' })).toBe(true);
    expect(readDraft('conv_a')).toBeNull();
    expect(localStorage.getItem(`${PREFIX}conv_a`)).toBeNull();
  });

  it('keeps a send that has begun, and reads it back', () => {
    const pending = { startedAt: T0 - 500, alreadyThere: ['id:m1', 'at:3'] };
    saveDraft('conv_a', { text: 'Já reenviamos o pedido.', pending });
    expect(readDraft('conv_a')).toEqual({ text: 'Já reenviamos o pedido.', savedAt: T0, pending });
  });

  it('keeps a pending send even when its text is empty', () => {
    const pending = { startedAt: T0, alreadyThere: [] };
    saveDraft('conv_a', { text: '', pending });
    expect(readDraft('conv_a')).toEqual({ text: '', savedAt: T0, pending });
  });

  it.each([
    ['not JSON', '{"text": "Olá"'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['a text that is not a string', '{"text": 42, "savedAt": 1}'],
    ['no savedAt', '{"text": "Olá"}'],
    ['a savedAt that is not a number', '{"text": "Olá", "savedAt": "yesterday"}'],
  ])('drops a stored draft that is %s', (_, stored) => {
    localStorage.setItem(`${PREFIX}conv_a`, stored);
    expect(readDraft('conv_a')).toBeNull();
  });

  it('keeps the text of a draft whose pending send does not fit, without the send', () => {
    localStorage.setItem(
      `${PREFIX}conv_a`,
      JSON.stringify({ text: 'Olá', savedAt: 5, pending: { startedAt: 'now', alreadyThere: [] } }),
    );
    expect(readDraft('conv_a')).toEqual({ text: 'Olá', savedAt: 5 });

    localStorage.setItem(
      `${PREFIX}conv_a`,
      JSON.stringify({
        text: 'Olá',
        savedAt: 5,
        pending: { startedAt: 7, alreadyThere: [1, 'id:m1'] },
      }),
    );
    expect(readDraft('conv_a')).toEqual({
      text: 'Olá',
      savedAt: 5,
      pending: { startedAt: 7, alreadyThere: ['id:m1'] },
    });
  });

  it('says so when the browser will not keep a draft, and reads nothing from it', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(saveDraft('conv_a', { text: 'Olá' })).toBe(false);
    expect(readDraft('conv_a')).toBeNull();

    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(() => readDraft('conv_a')).not.toThrow();
    expect(readDraft('conv_a')).toBeNull();
    expect(saveDraft('conv_a', { text: 'Olá' })).toBe(false);
  });

  it(`keeps at most ${MAX_DRAFTS} drafts, dropping the oldest`, () => {
    localStorage.setItem('conversation-viewer:language', 'pt-BR');
    for (let index = 0; index < MAX_DRAFTS; index += 1) {
      vi.setSystemTime(T0 + index * 1000);
      saveDraft(`conv_${index}`, { text: `Rascunho ${index}` });
    }
    expect(readDraft('conv_0')).not.toBeNull();
    // Editing a kept draft makes it the newest: the next one new drops conv_1 instead.
    vi.setSystemTime(T0 + MAX_DRAFTS * 1000);
    saveDraft('conv_0', { text: 'Rascunho 0, editado' });

    vi.setSystemTime(T0 + (MAX_DRAFTS + 1) * 1000);
    expect(saveDraft('conv_new', { text: 'Novo' })).toBe(true);

    const kept = Object.keys(localStorage).filter((key) => key.startsWith(PREFIX));
    expect(kept).toHaveLength(MAX_DRAFTS);
    expect(readDraft('conv_1')).toBeNull();
    expect(readDraft('conv_0')?.text).toBe('Rascunho 0, editado');
    expect(readDraft('conv_2')?.text).toBe('Rascunho 2');
    expect(readDraft('conv_new')?.text).toBe('Novo');
    // What is not a draft is none of the drafts' business.
    expect(localStorage.getItem('conversation-viewer:language')).toBe('pt-BR');
  });

  it('tells of another tab’s change to its own conversation’s draft only', () => {
    const changes = vi.fn();
    const stop = watchDraft('conv_a', changes);
    const stored = JSON.stringify({ text: 'Escrito na outra aba', savedAt: 9 });

    window.dispatchEvent(new StorageEvent('storage', { key: `${PREFIX}conv_b`, newValue: stored }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'conversation-viewer:language' }));
    expect(changes).not.toHaveBeenCalled();

    window.dispatchEvent(new StorageEvent('storage', { key: `${PREFIX}conv_a`, newValue: stored }));
    expect(changes).toHaveBeenLastCalledWith({ text: 'Escrito na outra aba', savedAt: 9 });

    // Removed there (sent, or emptied): nothing is left here either.
    window.dispatchEvent(new StorageEvent('storage', { key: `${PREFIX}conv_a`, newValue: null }));
    expect(changes).toHaveBeenLastCalledWith(null);
    expect(changes).toHaveBeenCalledTimes(2);

    stop();
    window.dispatchEvent(new StorageEvent('storage', { key: `${PREFIX}conv_a`, newValue: stored }));
    expect(changes).toHaveBeenCalledTimes(2);
  });
});
