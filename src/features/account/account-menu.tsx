import { useEffect, useId, useRef, useState } from 'react';
import { formatDateTime, initials } from '@/lib/format';
import { accountMessages } from './account-messages';
import { SignOutButton } from './sign-out-button';
import { useSession } from '@/lib/session';

/**
 * Who is signed in, in the header: their initials (and, on a wide screen, their address) open a
 * small panel with their name, address, when the session ends, and Sign out. Nothing shows with
 * sign-in off.
 */
export function AccountMenu() {
  const t = accountMessages();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const panelId = useId();

  // Closes as menus do: Escape, or a click anywhere else.
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  if (session.data?.signIn !== 'on') return null;
  const { email, name, expiresAt } = session.data;

  return (
    <div ref={menu} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t.menu(name ? `${name} (${email})` : email)}
        onClick={() => setOpen(!open)}
        className="flex h-8 items-center gap-2 rounded-md px-1 text-sm text-muted hover:bg-subtle hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
      >
        <span
          aria-hidden="true"
          className="grid size-7 shrink-0 place-items-center rounded-full bg-accent/15 text-xs font-semibold text-accent"
        >
          {initials(name ?? email)}
        </span>
        <span aria-hidden="true" className="hidden max-w-48 truncate lg:inline">
          {email}
        </span>
      </button>
      {open && (
        <div
          id={panelId}
          className="absolute top-full right-0 z-30 mt-1 w-72 max-w-[calc(100vw-1.5rem)] rounded-lg border border-line bg-surface p-4 text-sm shadow-lg"
        >
          <p className="text-xs text-muted">{t.signedInAs}</p>
          {name && <p className="mt-1 font-medium break-words">{name}</p>}
          <p className="break-all">{email}</p>
          <p className="mt-2 text-xs text-muted">
            {t.sessionEnds(formatDateTime(new Date(expiresAt * 1000)))}
          </p>
          <SignOutButton className="mt-3 w-full" />
        </div>
      )}
    </div>
  );
}
