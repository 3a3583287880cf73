import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import { iconButton } from '@/components/ui/icon-button';
import { CloseIcon, SearchIcon } from '@/components/ui/icons';
import { readConversationInput } from '@/config/conversation-input';
import { paths } from '@/config/paths';
import { cn } from '@/lib/cn';
import { messages } from '@/lib/messages';
import { useShortcut } from '@/lib/use-shortcut';
import { StatusBadge } from '@/components/conversation/status-badge';
import type { Recent } from '@/lib/recents/recents-store';
import { useRecents } from '@/lib/recents/use-recents';

/** Recents whose id or title holds the typed text, or whose id the typed link points at. */
export function matchRecents(recents: Recent[], input: string): Recent[] {
  const query = input.trim().toLowerCase();
  if (!query) return recents;
  const read = readConversationInput(input);
  const linkedId = 'id' in read ? read.id : null;
  return recents.filter(
    (recent) =>
      recent.id === linkedId ||
      recent.id.toLowerCase().includes(query) ||
      recent.title?.toLowerCase().includes(query),
  );
}

/**
 * The header's box for opening any conversation from any page: an id, a link or text with a
 * link in it, or one of the recent conversations it suggests (an ARIA combobox). `/` or
 * Ctrl/Cmd+K focuses it; on a phone it folds into a button until then.
 */
export function JumpBox() {
  const navigate = useNavigate();
  const recents = useRecents();
  const [value, setValue] = useState('');
  const [listOpen, setListOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [problem, setProblem] = useState<string | null>(null);
  // On a phone, whether the box shows in place of its button; wider screens always show it.
  const [unfolded, setUnfolded] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const unfoldRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const problemId = useId();
  const t = messages.jump;

  const suggestions = matchRecents(recents, value);
  const showList = listOpen && suggestions.length > 0;
  const active = showList ? suggestions[activeIndex] : undefined;
  const optionId = (index: number) => `${listId}-${index}`;

  const focusBox = () => {
    // The input must be displayed before it can take focus.
    flushSync(() => setUnfolded(true));
    inputRef.current?.focus();
    inputRef.current?.select();
  };
  useShortcut('/', focusBox);
  useShortcut('mod+k', focusBox);

  useEffect(() => {
    if (active)
      document.getElementById(optionId(activeIndex))?.scrollIntoView?.({ block: 'nearest' });
  });

  function closeList() {
    setListOpen(false);
    setActiveIndex(-1);
  }

  function fold({ refocus }: { refocus: boolean }) {
    closeList();
    setUnfolded(false);
    // On a phone the box disappears: give focus back to the button that stands for it.
    if (refocus && unfoldRef.current?.checkVisibility?.()) unfoldRef.current.focus();
  }

  function open(id: string) {
    setValue('');
    setProblem(null);
    fold({ refocus: false });
    inputRef.current?.blur();
    void navigate(paths.conversation.href(id));
  }

  function submit() {
    if (active) return open(active.id);
    const read = readConversationInput(value);
    if ('problem' in read) {
      closeList();
      setProblem(messages.idProblem[read.problem]);
    } else {
      open(read.id);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = suggestions.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setListOpen(true);
      setActiveIndex((index) =>
        !showList || index < 0 ? (step > 0 ? 0 : count - 1) : (index + step + count) % count,
      );
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (showList) closeList();
      else if (value) {
        setValue('');
        setProblem(null);
      } else fold({ refocus: true });
    }
  }

  function onBlur(event: FocusEvent<HTMLFormElement>) {
    if (event.currentTarget.contains(event.relatedTarget)) return;
    // Leaving the box: nothing of it should float over the page.
    setProblem(null);
    fold({ refocus: false });
  }

  return (
    <div className="flex shrink-0 sm:max-w-sm sm:min-w-0 sm:flex-1 sm:shrink">
      <button
        ref={unfoldRef}
        type="button"
        onClick={focusBox}
        aria-label={t.open}
        title={t.open}
        className={cn(iconButton, 'sm:hidden')}
      >
        <SearchIcon className="size-5" />
      </button>
      <form
        role="search"
        aria-label={t.label}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        onBlur={onBlur}
        className={cn(
          unfolded
            ? 'fixed inset-x-0 top-0 z-30 flex h-12 items-center gap-2 border-b border-line bg-surface px-3'
            : 'hidden',
          'sm:relative sm:inset-auto sm:z-auto sm:flex sm:h-auto sm:w-full sm:border-0 sm:bg-transparent sm:p-0',
        )}
      >
        <div className="relative min-w-0 flex-1">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted" />
          <input
            ref={inputRef}
            type="text"
            role="combobox"
            aria-label={t.label}
            aria-autocomplete="list"
            aria-expanded={showList}
            aria-controls={listId}
            aria-activedescendant={active ? optionId(activeIndex) : undefined}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? problemId : undefined}
            aria-keyshortcuts="/ Control+K Meta+K"
            placeholder={t.placeholder}
            value={value}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => {
              setValue(event.target.value);
              setProblem(null);
              setListOpen(true);
              setActiveIndex(-1);
            }}
            onFocus={() => setListOpen(true)}
            onClick={() => setListOpen(true)}
            onKeyDown={onKeyDown}
            className="h-8 w-full min-w-0 rounded-md border border-line bg-canvas pr-7 pl-8 text-sm placeholder:text-muted focus:bg-surface focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-red-600"
          />
          {!value && (
            <kbd
              aria-hidden="true"
              className="pointer-events-none absolute top-1/2 right-2 hidden -translate-y-1/2 rounded border border-line px-1 font-mono text-xs text-muted sm:block"
            >
              /
            </kbd>
          )}
          <ul
            id={listId}
            role="listbox"
            aria-label={t.suggestions}
            hidden={!showList}
            className="absolute inset-x-0 top-full z-30 mt-1 max-h-[min(24rem,70dvh)] overflow-y-auto rounded-md border border-line bg-surface py-1 shadow-lg"
          >
            {/* Options exist only while shown: hidden ones would still be found by text. */}
            {showList &&
              suggestions.map((recent, index) => (
                <li
                  key={recent.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === activeIndex}
                  // Keep focus in the box, so the click opens the option instead of folding the list.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => open(recent.id)}
                  className="flex cursor-pointer items-center gap-2 px-3 py-2 text-sm hover:bg-subtle aria-selected:bg-subtle aria-selected:outline-2 aria-selected:-outline-offset-2 aria-selected:outline-accent"
                >
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">
                      {recent.title ?? messages.conversation.untitled}
                    </span>
                    <span className="block truncate font-mono text-xs text-muted">{recent.id}</span>
                  </span>
                  <StatusBadge status={recent.status} />
                </li>
              ))}
          </ul>
          {problem && (
            <p
              id={problemId}
              role="alert"
              className="absolute inset-x-0 top-full z-30 mt-1 rounded-md border border-red-600/50 bg-surface px-3 py-2 text-sm text-red-700 shadow-lg dark:text-red-300"
            >
              {problem}
            </p>
          )}
        </div>
        <button
          type="button"
          onClick={() => fold({ refocus: true })}
          aria-label={messages.shortcuts.close}
          title={messages.shortcuts.close}
          className={cn(iconButton, 'sm:hidden')}
        >
          <CloseIcon />
        </button>
      </form>
    </div>
  );
}
