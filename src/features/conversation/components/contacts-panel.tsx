import { CopyButton } from '@/components/ui/copy-button';
import { ListPanel } from '@/components/ui/list-panel';
import { formatPhone } from '@/lib/format';
import { mailtoHref } from '@/lib/links';
import { messages } from '@/lib/messages';
import type { Contact, Section } from '../api/conversation-model';

const t = messages.contact;

/** One way to reach a contact: a link when the value is safe to link, and a copy button. */
function ContactDetail({
  term,
  text,
  href,
  copyValue,
}: {
  term: string;
  text: string;
  href: string | null;
  copyValue: string;
}) {
  return (
    <div>
      <dt className="sr-only">{term}</dt>
      <dd className="flex min-w-0 items-center gap-1">
        <span className="min-w-0 truncate tabular-nums">
          {href ? (
            <a className="text-accent hover:underline" href={href}>
              {text}
            </a>
          ) : (
            text
          )}
        </span>
        <CopyButton value={copyValue} label={`${term.toLowerCase()} ${text}`} />
      </dd>
    </div>
  );
}

function ContactCard({ contact }: { contact: Contact }) {
  const phone = contact.phone ? formatPhone(contact.phone) : null;
  return (
    <>
      <p className="font-medium break-words">
        {contact.name ?? <span className="text-muted italic">{t.unnamed}</span>}
      </p>
      <dl className="mt-0.5 space-y-0.5 text-muted">
        {contact.email && (
          <ContactDetail
            term={t.email}
            text={contact.email}
            href={mailtoHref(contact.email)}
            copyValue={contact.email}
          />
        )}
        {contact.phone && (
          <ContactDetail
            term={t.phone}
            text={phone?.display ?? contact.phone}
            href={phone && `tel:${phone.href}`}
            copyValue={phone?.href ?? contact.phone}
          />
        )}
      </dl>
    </>
  );
}

export function ContactsPanel({ contacts }: { contacts: Section<Contact> }) {
  return (
    <ListPanel
      title={messages.panels.contacts}
      empty={messages.empty.contacts}
      items={contacts.items}
      unreadable={contacts.unreadable}
      pageSize={20}
      listClassName="divide-y divide-line"
      itemClassName="py-2.5 first:pt-0 last:pb-0"
      renderItem={(contact) => <ContactCard contact={contact} />}
    />
  );
}
