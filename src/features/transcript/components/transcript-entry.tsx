import { memo } from 'react';
import { BotIcon, MessageIcon, UsersIcon } from '@/components/ui/icons';
import { ExternalLink } from '@/components/ui/external-link';
import { JsonValue } from '@/components/ui/json-value';
import { cn } from '@/lib/cn';
import { formatDateTime, parseDate } from '@/lib/format';
import { splitLinks } from '@/lib/text-links';
import { transcriptMessages } from '../transcript-messages';
import { formatPercent } from '@/lib/format';
import type { Author, Message, Source, TranscriptEntry } from '@/lib/transcript/transcript-schema';

/** The contact on the left; the people and the AI answering on the right, each in its own tint. */
const authorStyles: Record<Author, { side: string; bubble: string; Icon: typeof BotIcon }> = {
  contact: { side: 'items-start', bubble: 'border-line bg-subtle', Icon: MessageIcon },
  'human-agent': {
    side: 'items-end',
    bubble: 'border-blue-200 bg-blue-50 dark:border-blue-400/30 dark:bg-blue-400/10',
    Icon: UsersIcon,
  },
  ai: {
    side: 'items-end',
    bubble: 'border-violet-200 bg-violet-50 dark:border-violet-400/30 dark:bg-violet-400/10',
    Icon: BotIcon,
  },
  unknown: {
    side: 'items-start',
    bubble: 'border-dashed border-line bg-surface',
    Icon: MessageIcon,
  },
};

/** Plain text with its http(s) addresses as links that open apart from the viewer. */
function LinkedText({ text }: { text: string }) {
  return (
    <p className="whitespace-pre-wrap break-words">
      {splitLinks(text).map((part, index) =>
        part.kind === 'link' ? (
          // Parts never move: their place is their identity.
          <ExternalLink key={index} href={part.href} className="wrap-anywhere">
            {part.text}
          </ExternalLink>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}

function SentAt({ value }: { value: string | null }) {
  const date = parseDate(value);
  if (!date) return <span>{transcriptMessages().unknownTime}</span>;
  return <time dateTime={date.toISOString()}>{formatDateTime(date)}</time>;
}

const evaluationTone = {
  good: 'text-emerald-700 dark:text-emerald-300',
  bad: 'text-red-700 dark:text-red-300',
};

/** The knowledge an AI answer came from, folded away under its answer. */
function Sources({ sources }: { sources: Source[] }) {
  const t = transcriptMessages();
  return (
    <details className="mt-1.5 text-xs">
      <summary className="cursor-pointer text-accent">{t.sources(sources.length)}</summary>
      <ul className="mt-1 space-y-1">
        {sources.map((source, index) => (
          <li key={index} className="wrap-anywhere">
            {source.href ? (
              <ExternalLink href={source.href}>{source.name ?? source.href}</ExternalLink>
            ) : (
              <span className="font-medium">{source.name ?? t.unnamedSource}</span>
            )}
            {source.score !== null && (
              <span className="text-muted"> · {t.sourceScore(formatPercent(source.score))}</span>
            )}
            {!source.href && source.reference && source.reference !== source.name && (
              <span className="block font-mono text-muted">{source.reference}</span>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

function MessageBubble({
  message,
  operatorName,
}: {
  message: Message;
  operatorName: string | null;
}) {
  const t = transcriptMessages();
  const { side, bubble, Icon } = authorStyles[message.author];
  const name = message.authorName ?? operatorName;
  return (
    <div className={cn('flex flex-col gap-1', side, message.sending && 'opacity-70')}>
      <p className="flex flex-wrap items-center gap-x-1.5 text-xs text-muted">
        <Icon className="size-3.5 shrink-0" />
        <span className="font-medium text-ink">{t.authors[message.author]}</span>
        {name && <span>· {name}</span>}
        <span aria-hidden="true">·</span>
        {message.sending ? <span>{t.sending}</span> : <SentAt value={message.createdAt} />}
        {message.unread && (
          <span className="rounded-full bg-accent px-1.5 font-medium text-surface">{t.unread}</span>
        )}
        {message.evaluation && (
          <span className={cn('font-medium', evaluationTone[message.evaluation])}>
            · {t.evaluation[message.evaluation]}
          </span>
        )}
      </p>
      <div className={cn('max-w-[min(42rem,92%)] min-w-0 rounded-lg border px-3 py-2', bubble)}>
        {message.text !== null && <LinkedText text={message.text} />}
        {message.attachments.length > 0 && (
          <ul aria-label={t.attachments} className="mt-1 space-y-0.5 text-xs">
            {message.attachments.map((attachment, index) => (
              <li key={index} className="wrap-anywhere">
                {attachment.href ? (
                  <ExternalLink href={attachment.href}>{attachment.name}</ExternalLink>
                ) : (
                  attachment.name
                )}
              </li>
            ))}
          </ul>
        )}
        {message.sources.length > 0 && <Sources sources={message.sources} />}
        {'received' in message && (
          <>
            <p className="mb-1 text-xs text-muted">{t.noText}</p>
            <JsonValue value={message.received} />
          </>
        )}
      </div>
    </div>
  );
}

/** One entry of the transcript: a message, or what arrived in its place when it could not be read. */
export const TranscriptEntryView = memo(function TranscriptEntryView({
  entry,
  operatorName = null,
}: {
  entry: TranscriptEntry;
  /** The operator's name from the conversation's assignees, for a message that names none. */
  operatorName?: string | null;
}) {
  if (entry.kind === 'message')
    return <MessageBubble message={entry} operatorName={operatorName} />;
  return (
    <div className="rounded-lg border border-dashed border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-500/40 dark:bg-amber-400/10 dark:text-amber-100">
      <p className="mb-1 text-xs">{transcriptMessages().unreadable}</p>
      <JsonValue value={entry.received} />
    </div>
  );
});
