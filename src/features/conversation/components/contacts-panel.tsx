import { CopyButton } from '@/components/ui/copy-button';
import { Panel } from '@/components/ui/panel';
import { useShowMore } from '@/components/ui/show-more';
import { formatPhone } from '@/lib/format';
import { mailtoHref } from '@/lib/links';
import { messages } from '@/lib/messages';
import type { Contact, Section } from '../api/conversation-schema';

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
    <li className="py-2.5 first:pt-0 last:pb-0">
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
    </li>
  );
}

export function ContactsPanel({ contacts }: { contacts: Section<Contact> }) {
  const { shown, more } = useShowMore(contacts.items, 20);
  return (
    <Panel
      title={messages.panels.contacts}
      count={contacts.items.length}
      empty={messages.empty.contacts}
      unreadable={contacts.unreadable}
    >
      <ul className="divide-y divide-line">
        {shown.map((contact, index) => (
          <ContactCard key={contact.id ?? index} contact={contact} />
        ))}
      </ul>
      {more}
    </Panel>
  );
}
