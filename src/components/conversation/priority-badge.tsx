import type { ReactNode } from 'react';
import { Badge, neutralTone } from '@/components/ui/badge';
import { ArrowDownIcon, ArrowRightIcon, ArrowUpIcon } from '@/components/ui/icons';
import { messages } from '@/lib/messages';
import { isOneOf } from '@/lib/conversation/conversation-model';
import { knownPriorities, type KnownPriority } from '@/config/conversation-values';

const priorityLook = {
  HIGH: {
    icon: <ArrowUpIcon className="size-3.5" />,
    className:
      'border-orange-600/60 bg-orange-50 text-orange-900 dark:border-orange-400/60 dark:bg-orange-400/10 dark:text-orange-100',
  },
  MEDIUM: {
    icon: <ArrowRightIcon className="size-3.5" />,
    className:
      'border-yellow-600/50 bg-yellow-50 text-yellow-900 dark:border-yellow-400/50 dark:bg-yellow-400/10 dark:text-yellow-100',
  },
  LOW: { icon: <ArrowDownIcon className="size-3.5" />, className: neutralTone },
} satisfies Record<KnownPriority, { icon: ReactNode; className: string }>;

export function PriorityBadge({ priority }: { priority: string | null }) {
  if (priority && isOneOf(knownPriorities, priority)) {
    const look = priorityLook[priority];
    return (
      <Badge className={look.className}>
        {look.icon}
        {messages.priority[priority]}
      </Badge>
    );
  }
  return (
    <Badge className={neutralTone}>
      {priority ? `${messages.priority.label}: ${priority}` : messages.priority.none}
    </Badge>
  );
}
