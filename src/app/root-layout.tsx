import { lazy, Suspense, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { ListIcon, MessageIcon } from '@/components/ui/icons';
import { isDemoMode } from '@/config/mode';
import { paths } from '@/config/paths';
import { JumpBoxPlaceholder } from '@/features/jump/jump-box-placeholder';
import { LanguageSwitcher } from '@/features/language/language-switcher';
import { KeyboardShortcuts } from '@/features/shortcuts/keyboard-shortcuts';
import { messages } from '@/lib/messages';
import { usePastFirstRender } from '@/lib/first-render';
import { DemoBadge } from './demo-badge';

// Loaded right after the page, not before it: a conversation's first paint does not need it.
const JumpBox = lazy(() =>
  import('@/features/jump/jump-box').then((module) => ({ default: module.JumpBox })),
);

// Who is signed in: live servers only, and after the page, like the jump box.
const AccountMenu = lazy(() =>
  import('@/features/account/account-menu').then((module) => ({ default: module.AccountMenu })),
);

export function RootLayout({ children }: { children: ReactNode }) {
  const pastFirstRender = usePastFirstRender();
  return (
    <div className="min-h-dvh">
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
      >
        {messages.skipToContent}
      </a>
      <header className="border-b border-line bg-surface print:hidden">
        <div className="mx-auto flex h-12 max-w-7xl items-center gap-3 px-3 sm:px-6">
          <Link to={paths.home.href()} className="flex items-center gap-2 text-sm font-semibold">
            <MessageIcon className="size-5 text-accent" />
            {/* On a phone the icon stands for the name, to leave room for the navigation. */}
            <span className="sr-only whitespace-nowrap sm:not-sr-only">{messages.appName}</span>
          </Link>
          {pastFirstRender ? (
            <Suspense fallback={<JumpBoxPlaceholder />}>
              <JumpBox />
            </Suspense>
          ) : (
            <JumpBoxPlaceholder />
          )}
          <nav aria-label={messages.nav.label} className="ml-auto flex items-center gap-1 text-sm">
            <NavLink
              to={paths.conversations.href()}
              end
              className="flex items-center rounded-md p-1.5 text-muted hover:bg-subtle hover:text-ink aria-[current=page]:font-medium aria-[current=page]:text-ink sm:px-2 sm:py-1"
            >
              {/* On a phone too the icon stands for the name: the jump box needs the room. */}
              <ListIcon className="size-5 sm:hidden" />
              <span className="sr-only whitespace-nowrap sm:not-sr-only">
                {messages.nav.conversations}
              </span>
            </NavLink>
          </nav>
          <KeyboardShortcuts />
          <LanguageSwitcher />
          {!isDemoMode && pastFirstRender && (
            <Suspense fallback={null}>
              <AccountMenu />
            </Suspense>
          )}
          {isDemoMode && <DemoBadge />}
        </div>
      </header>
      <main id="content" className="mx-auto max-w-7xl px-3 py-4 sm:px-6 sm:py-6">
        {children}
      </main>
    </div>
  );
}
