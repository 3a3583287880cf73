import { Panel } from '@/components/ui/panel';
import { useShowMore } from '@/components/ui/show-more';
import { initials } from '@/lib/format';
import { mailtoHref } from '@/lib/links';
import { messages } from '@/lib/messages';
import type { Assignee, Section } from '../api/conversation-schema';

function EmailLink({ email }: { email: string }) {
  const href = mailtoHref(email);
  return href ? (
    <a className="hover:underline" href={href}>
      {email}
    </a>
  ) : (
    email
  );
}

export function AssigneesPanel({ assignees }: { assignees: Section<Assignee> }) {
  const { shown, more } = useShowMore(assignees.items, 20);
  return (
    <Panel
      title={messages.panels.assignees}
      count={assignees.items.length}
      empty={messages.empty.assignees}
      unreadable={assignees.unreadable}
    >
      <ul className="space-y-2.5">
        {shown.map((assignee, index) => {
          const name = assignee.name ?? assignee.email ?? assignee.id ?? '?';
          return (
            <li key={assignee.id ?? index} className="flex min-w-0 items-center gap-2.5">
              <span
                aria-hidden="true"
                className="flex size-8 shrink-0 items-center justify-center rounded-full bg-accent/15 text-xs font-semibold text-accent"
              >
                {initials(name)}
              </span>
              <div className="min-w-0">
                <p className="truncate font-medium">{name}</p>
                {assignee.email && assignee.email !== name && (
                  <p className="truncate text-muted">
                    <EmailLink email={assignee.email} />
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {more}
    </Panel>
  );
}
