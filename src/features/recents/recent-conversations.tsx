import { useId } from 'react';
import { CloseIcon } from '@/components/ui/icons';
import { iconButton } from '@/components/ui/icon-button';
import { RelativeTime } from '@/components/ui/relative-time';
import { messages } from '@/lib/messages';
import { recentsMessages } from './recents-messages';
import { ConversationLink } from '@/components/conversation/conversation-link';
import { PriorityBadge } from '@/components/conversation/priority-badge';
import { StatusBadge } from '@/components/conversation/status-badge';
import { recentsStore } from '@/lib/recents/recents-store';
import { useRecents } from '@/lib/recents/use-recents';

/** The start page's list of conversations opened last, each removable, or all at once. */
export function RecentConversations() {
  const recents = useRecents();
  const headingId = useId();
  const t = recentsMessages();
  if (recents.length === 0) return null;

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-line bg-surface">
      <div className="flex items-center justify-between gap-2 border-b border-line px-4 py-1.5">
        <h2 id={headingId} className="text-sm font-semibold">
          {t.title}
        </h2>
        <button
          type="button"
          onClick={() => recentsStore.clear()}
          className="rounded-md px-2 py-1 text-sm text-muted hover:bg-subtle hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
        >
          {t.clear}
        </button>
      </div>
      <ul className="divide-y divide-line">
        {recents.map((recent) => {
          const title = recent.title ?? messages.conversation.untitled;
          return (
            <li key={recent.id} className="flex items-center gap-1 pr-2">
              <ConversationLink
                conversationId={recent.id}
                className="flex min-w-0 flex-1 flex-col gap-1 px-4 py-2.5 hover:bg-subtle focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent sm:flex-row sm:items-center sm:gap-3"
              >
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{title}</span>
                  <span className="block truncate font-mono text-xs text-muted">{recent.id}</span>
                </span>
                <span className="flex flex-wrap items-center gap-2 text-xs text-muted">
                  <StatusBadge status={recent.status} />
                  <PriorityBadge priority={recent.priority} />
                  <span>
                    {t.opened} <RelativeTime value={recent.openedAt} fallback="" />
                  </span>
                </span>
              </ConversationLink>
              <button
                type="button"
                onClick={(event) => {
                  // Keep keyboard focus in the list: on the next entry's button, else the previous.
                  const item = event.currentTarget.closest('li');
                  const neighbour = item?.nextElementSibling ?? item?.previousElementSibling;
                  recentsStore.remove(recent.id);
                  neighbour?.querySelector('button')?.focus();
                }}
                aria-label={t.remove(title)}
                title={t.remove(title)}
                className={iconButton}
              >
                <CloseIcon />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
