import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEQUENCE_TIMEOUT_MS, useShortcut } from './use-shortcut';

function Probe({ keys, onPress }: { keys: string; onPress: () => void }) {
  useShortcut(keys, onPress);
  return (
    <>
      <input aria-label="Text" />
      <textarea aria-label="Notes" />
      <select aria-label="Choice">
        <option>One</option>
      </select>
      <div contentEditable aria-label="Editor" role="textbox" />
      <dialog open aria-label="Dialog">
        <button type="button">In the dialog</button>
      </dialog>
      <button type="button">Elsewhere</button>
    </>
  );
}

const press = (key: string, init: KeyboardEventInit = {}, target: Element = document.body) =>
  fireEvent.keyDown(target, { key, bubbles: true, ...init });

describe('useShortcut', () => {
  afterEach(() => vi.useRealTimers());

  it('calls back for its key anywhere on the page', () => {
    const onPress = vi.fn();
    render(<Probe keys="r" onPress={onPress} />);
    press('r');
    press('r', {}, screen.getByRole('button', { name: 'Elsewhere' }));
    press('x');
    expect(onPress).toHaveBeenCalledTimes(2);
  });

  it.each(['Text', 'Notes', 'Choice', 'Editor'])('ignores keys typed in %s', (name) => {
    const onPress = vi.fn();
    render(<Probe keys="r" onPress={onPress} />);
    const field =
      name === 'Choice'
        ? screen.getByRole('combobox', { name })
        : screen.getByRole('textbox', { name });
    // jsdom does not compute isContentEditable; the attribute is what browsers read it from.
    if (name === 'Editor') Object.defineProperty(field, 'isContentEditable', { value: true });
    press('r', {}, field);
    expect(onPress).not.toHaveBeenCalled();
  });

  it('ignores keys pressed inside a dialog', () => {
    const onPress = vi.fn();
    render(<Probe keys="r" onPress={onPress} />);
    press('r', {}, screen.getByRole('button', { name: 'In the dialog' }));
    expect(onPress).not.toHaveBeenCalled();
  });

  it.each([{ ctrlKey: true }, { altKey: true }, { metaKey: true }])(
    'ignores its key with a modifier (%o)',
    (modifier) => {
      const onPress = vi.fn();
      render(<Probe keys="c" onPress={onPress} />);
      press('c', modifier);
      expect(onPress).not.toHaveBeenCalled();
    },
  );

  it('takes mod+k with Ctrl or Cmd, even in a text field, and not K alone', () => {
    const onPress = vi.fn();
    render(<Probe keys="mod+k" onPress={onPress} />);
    press('k');
    expect(onPress).not.toHaveBeenCalled();
    press('k', { ctrlKey: true });
    press('K', { metaKey: true, shiftKey: true }, screen.getByRole('textbox', { name: 'Text' }));
    expect(onPress).toHaveBeenCalledTimes(2);
  });

  it('takes a sequence when its second key follows within a second', () => {
    vi.useFakeTimers();
    const onPress = vi.fn();
    render(<Probe keys="g h" onPress={onPress} />);
    press('h');
    expect(onPress).not.toHaveBeenCalled();
    press('g');
    vi.advanceTimersByTime(SEQUENCE_TIMEOUT_MS - 100);
    press('h');
    expect(onPress).toHaveBeenCalledTimes(1);

    press('g');
    vi.advanceTimersByTime(SEQUENCE_TIMEOUT_MS + 1);
    press('h');
    expect(onPress).toHaveBeenCalledTimes(1);

    press('g');
    press('x');
    press('h');
    expect(onPress).toHaveBeenCalledTimes(1);
  });
});
