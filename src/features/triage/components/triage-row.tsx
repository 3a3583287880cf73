import { RelativeTime } from '@/components/ui/relative-time';
import { MessageIcon } from '@/components/ui/icons';
import { formatNumber, initials } from '@/lib/format';
import { messages } from '@/lib/messages';
import { triageMessages } from '../triage-messages';
import type { Conversation } from '@/lib/conversation/conversation-model';
import { ChannelLabel } from '@/components/conversation/channel-label';
import { ConversationLink } from '@/components/conversation/conversation-link';
import { FrustrationMeter } from '@/components/conversation/frustration-meter';
import { PriorityBadge } from '@/components/conversation/priority-badge';
import { StatusBadge } from '@/components/conversation/status-badge';

const MAX_TAGS = 2;

/** One conversation in the list: everything needed to decide whether to open it. */
export function TriageRow({
  conversation,
  index,
  isNew = false,
  onOpen,
}: {
  conversation: Conversation;
  index: number;
  /** Came into the list while the agent watched it, and not seen yet. */
  isNew?: boolean;
  onOpen?: () => void;
}) {
  const t = triageMessages();
  const assignees = conversation.assignees.items;
  const extraTags = conversation.tags.items.length - MAX_TAGS;

  return (
    <ConversationLink
      conversationId={conversation.id}
      data-row-index={index}
      onClick={onOpen}
      className="grid h-full content-center gap-x-3 gap-y-1 px-3 py-2 sm:py-2.5 hover:bg-subtle focus-visible:bg-subtle focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent sm:grid-cols-[minmax(0,1fr)_auto] sm:px-4"
    >
      <span className="flex min-w-0 items-center gap-2">
        <StatusBadge status={conversation.status} />
        {isNew && (
          <span className="shrink-0 rounded bg-accent px-1.5 text-xs leading-5 font-semibold text-surface">
            {t.newMarker}
          </span>
        )}
        <span
          className={conversation.title ? 'truncate font-medium' : 'truncate text-muted italic'}
        >
          {conversation.title ?? messages.conversation.untitled}
        </span>
      </span>
      <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted sm:justify-end">
        {(conversation.unreadMessages ?? 0) > 0 && (
          <span
            title={messages.conversation.unread(conversation.unreadMessages!)}
            className="inline-flex items-center gap-1 rounded-full bg-accent px-1.5 font-medium text-surface"
          >
            <MessageIcon className="size-3" />
            <span aria-hidden="true">{formatNumber(conversation.unreadMessages!)}</span>
            <span className="sr-only">
              {messages.conversation.unread(conversation.unreadMessages!)}
            </span>
          </span>
        )}
        <PriorityBadge priority={conversation.priority} />
        <FrustrationMeter value={conversation.frustration} compact />
        <ChannelLabel channel={conversation.channel} />
        <span className="text-muted">
          <span className="sr-only">{t.updated} </span>
          <RelativeTime value={conversation.updatedAt} fallback="—" />
        </span>
      </span>
      <span className="flex min-w-0 flex-wrap items-center gap-1.5 text-xs text-muted sm:col-span-2">
        {assignees.length === 0 ? (
          <span>{t.unassigned}</span>
        ) : (
          assignees.map((assignee, position) => {
            const name = assignee.name ?? assignee.email ?? assignee.id ?? '?';
            return (
              <span
                key={assignee.id ?? position}
                title={name}
                className="inline-flex items-center gap-1"
              >
                <span
                  aria-hidden="true"
                  className="flex size-5 items-center justify-center rounded-full bg-accent/15 text-[10px] font-semibold text-accent"
                >
                  {initials(name)}
                </span>
                <span className="max-w-40 truncate">{name}</span>
              </span>
            );
          })
        )}
        {conversation.tags.items.slice(0, MAX_TAGS).map((tag) => (
          <span
            key={tag}
            className="max-w-32 truncate rounded border border-line bg-subtle px-1.5 text-ink"
          >
            {tag}
          </span>
        ))}
        {extraTags > 0 && <span>+{extraTags}</span>}
      </span>
    </ConversationLink>
  );
}
