import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { KeyboardIcon } from '@/components/ui/icons';
import { paths } from '@/config/paths';
import { messages } from '@/lib/messages';
import { useShortcut } from '@/lib/use-shortcut';

// The list itself is code nobody needs until they ask for it.
const ShortcutsDialog = lazy(() => import('./shortcuts-dialog'));

/**
 * The app-wide shortcuts (`?` for the list of them all, `g h` for home), and a header button
 * that opens the list too.
 */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const t = messages.shortcuts;
  useShortcut('?', () => setOpen(true));
  useShortcut('g h', () => void navigate(paths.home.href()));

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        aria-label={t.title}
        title={t.title}
        aria-keyshortcuts="?"
        className="hidden size-8 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-ink focus-visible:outline-2 focus-visible:outline-accent sm:inline-flex"
      >
        <KeyboardIcon className="size-5" />
      </button>
      {open && (
        <Suspense fallback={null}>
          <ShortcutsDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
