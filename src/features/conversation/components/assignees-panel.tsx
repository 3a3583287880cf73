import { ListPanel } from '@/components/ui/list-panel';
import { initials } from '@/lib/format';
import { mailtoHref } from '@/lib/links';
import { messages } from '@/lib/messages';
import type { Assignee, Section } from '@/lib/conversation/conversation-model';

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

function AssigneeCard({ assignee }: { assignee: Assignee }) {
  const name = assignee.name ?? assignee.email ?? assignee.id ?? '?';
  return (
    <>
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
    </>
  );
}

export function AssigneesPanel({ assignees }: { assignees: Section<Assignee> }) {
  return (
    <ListPanel
      title={messages.panels.assignees}
      empty={messages.empty.assignees}
      items={assignees.items}
      unreadable={assignees.unreadable}
      pageSize={20}
      listClassName="space-y-2.5"
      itemClassName="flex min-w-0 items-center gap-2.5"
      renderItem={(assignee) => <AssigneeCard assignee={assignee} />}
    />
  );
}
