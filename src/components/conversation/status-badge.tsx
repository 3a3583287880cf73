import type { ReactNode } from 'react';
import { Badge, neutralTone } from '@/components/ui/badge';
import { AlertIcon, CheckCircleIcon, CircleIcon } from '@/components/ui/icons';
import { messages } from '@/lib/messages';
import { isOneOf } from '@/lib/conversation/conversation-model';
import { knownStatuses, type KnownStatus } from '@/config/conversation-values';

const statusLook = {
  HUMAN_REQUESTED: {
    icon: <AlertIcon className="size-3.5" />,
    className: 'border-red-700 bg-red-700 text-white',
  },
  UNRESOLVED: {
    icon: <CircleIcon className="size-3.5" />,
    className:
      'border-sky-600/50 bg-sky-50 text-sky-900 dark:border-sky-400/50 dark:bg-sky-400/10 dark:text-sky-100',
  },
  RESOLVED: {
    icon: <CheckCircleIcon className="size-3.5" />,
    className:
      'border-emerald-600/50 bg-emerald-50 text-emerald-900 dark:border-emerald-400/50 dark:bg-emerald-400/10 dark:text-emerald-100',
  },
} satisfies Record<KnownStatus, { icon: ReactNode; className: string }>;

/** HUMAN_REQUESTED stands out as needing action; unknown statuses show as they come. */
export function StatusBadge({ status }: { status: string | null }) {
  const look = status && isOneOf(knownStatuses, status) ? statusLook[status] : null;
  return (
    <Badge className={look?.className ?? neutralTone}>
      {look?.icon}
      <span className="sr-only">{messages.status.label}: </span>
      {status && isOneOf(knownStatuses, status)
        ? messages.status[status]
        : (status ?? messages.status.none)}
    </Badge>
  );
}
