import { Badge, neutralTone } from '@/components/ui/badge';
import { CopyButton } from '@/components/ui/copy-button';
import { AlertIcon, BotIcon, MessageIcon, UsersIcon } from '@/components/ui/icons';
import { RelativeTime } from '@/components/ui/relative-time';
import { cn } from '@/lib/cn';
import { messages } from '@/lib/messages';
import type { Conversation } from '@/lib/conversation/conversation-model';
import { ChannelLabel } from '@/components/conversation/channel-label';
import { FrustrationMeter } from '@/components/conversation/frustration-meter';
import { PriorityBadge } from '@/components/conversation/priority-badge';
import { StatusBadge } from '@/components/conversation/status-badge';

const t = messages.conversation;

function AiState({ enabled }: { enabled: boolean | null }) {
  const label = enabled === null ? t.aiUnknown : enabled ? t.aiOn : t.aiOff;
  return (
    <span className={cn('inline-flex items-center gap-1.5', enabled ? '' : 'text-muted')}>
      <BotIcon className={cn('size-4', enabled ? 'text-accent' : 'text-muted')} />
      {label}
    </span>
  );
}

const warningTone =
  'border-amber-500/60 bg-amber-50 text-amber-950 dark:border-amber-400/50 dark:bg-amber-400/10 dark:text-amber-100';

/** What else an agent must know before answering: unread messages, a blocked contact, a group. */
function StateBadges({ conversation }: { conversation: Conversation }) {
  const unread = conversation.unreadMessages ?? 0;
  return (
    <>
      {unread > 0 && (
        <Badge className="border-accent bg-accent text-surface">
          <MessageIcon className="size-3.5" />
          {t.unread(unread)}
        </Badge>
      )}
      {conversation.blocked && (
        <Badge className={warningTone}>
          <AlertIcon className="size-3.5" />
          {t.blocked}
        </Badge>
      )}
      {conversation.isGroup && (
        <Badge className={neutralTone}>
          <UsersIcon className="size-3.5" />
          {t.group}
        </Badge>
      )}
    </>
  );
}

/** Who, where and how urgent, at a glance: title, badges, id, channel, AI and times. */
export function ConversationHeader({ conversation }: { conversation: Conversation }) {
  return (
    <header className="rounded-lg border border-line bg-surface px-4 py-3 sm:px-5 sm:py-4">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={conversation.status} />
        <PriorityBadge priority={conversation.priority} />
        <FrustrationMeter value={conversation.frustration} />
        <StateBadges conversation={conversation} />
      </div>
      <h1
        className={cn(
          'mt-2 text-xl font-semibold break-words sm:text-2xl',
          !conversation.title && 'text-muted italic',
        )}
      >
        {conversation.title ?? t.untitled}
      </h1>
      <div className="mt-1 flex min-w-0 items-center gap-1 text-xs text-muted">
        <span className="sr-only">{t.idLabel}: </span>
        <code className="min-w-0 truncate font-mono">{conversation.id}</code>
        <CopyButton value={conversation.id} label={t.idLabel.toLowerCase()} />
      </div>
      <p className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm">
        <ChannelLabel channel={conversation.channel} />
        <AiState enabled={conversation.isAiEnabled} />
        <span>
          <span className="text-muted">{t.created} </span>
          <RelativeTime value={conversation.createdAt} fallback={t.unknownDate} />
        </span>
        <span>
          <span className="text-muted">{t.updated} </span>
          <RelativeTime value={conversation.updatedAt} fallback={t.unknownDate} />
        </span>
        {conversation.lastHumanInteractionAt && (
          <span>
            <span className="text-muted">{t.lastHuman} </span>
            <RelativeTime
              value={conversation.lastHumanInteractionAt}
              fallback={t.unknownDate}
              showExact
            />
          </span>
        )}
      </p>
      {conversation.unreadableFields.length > 0 && (
        <p role="note" className="mt-2 text-xs text-amber-800 dark:text-amber-200">
          {t.unreadableFields(conversation.unreadableFields)}
        </p>
      )}
    </header>
  );
}
