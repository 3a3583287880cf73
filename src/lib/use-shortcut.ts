/** Page-wide keyboard shortcuts: one key (`r`), a sequence (`g h`), or `mod+k` (Ctrl or Cmd). */
import { useEffect, useRef } from 'react';

/** How long the second key of a sequence may wait for the first. */
export const SEQUENCE_TIMEOUT_MS = 1000;

/** Whether a key press belongs to a text field rather than to the page's shortcuts. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

// Keys pressed inside a dialog belong to it; a shortcut must not act behind a modal.
const inDialog = (target: EventTarget | null) =>
  target instanceof Element && target.closest('dialog') !== null;

/**
 * Calls `onPress` for `keys` anywhere on the page, except while typing, inside a dialog or with
 * Ctrl, Alt or Meta held. `mod+k` is the exception: a chord, it works in text fields too.
 */
export function useShortcut(keys: string, onPress: () => void, enabled = true) {
  const pressRef = useRef(onPress);
  useEffect(() => {
    pressRef.current = onPress;
  });

  useEffect(() => {
    if (!enabled) return;
    const chord = keys.startsWith('mod+') ? keys.slice(4) : null;
    const sequence = chord ? [] : keys.split(' ');
    let typed = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing || inDialog(event.target)) return;
      if (chord) {
        if (
          (event.ctrlKey || event.metaKey) &&
          !event.altKey &&
          event.key.toLowerCase() === chord
        ) {
          event.preventDefault();
          pressRef.current();
        }
        return;
      }
      if (event.ctrlKey || event.altKey || event.metaKey || isTyping(event.target)) return;
      typed = event.key === sequence[typed] ? typed + 1 : event.key === sequence[0] ? 1 : 0;
      clearTimeout(timer);
      if (typed === sequence.length) {
        typed = 0;
        event.preventDefault();
        pressRef.current();
      } else if (typed > 0) {
        timer = setTimeout(() => (typed = 0), SEQUENCE_TIMEOUT_MS);
      }
    }

    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      clearTimeout(timer);
    };
  }, [keys, enabled]);
}
