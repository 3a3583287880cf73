import { CopyButton } from '@/components/ui/copy-button';
import { Panel } from '@/components/ui/panel';
import { formatPhone } from '@/lib/format';
import { mailtoHref } from '@/lib/links';
import { messages } from '@/lib/messages';
import type { Contact, Section } from '../api/conversation-schema';

const t = messages.contact;

function ContactCard({ contact }: { contact: Contact }) {
  const phone = contact.phone ? formatPhone(contact.phone) : null;
  const emailHref = contact.email ? mailtoHref(contact.email) : null;
  return (
    <li className="py-2.5 first:pt-0 last:pb-0">
      <p className="font-medium break-words">
        {contact.name ?? <span className="text-muted italic">{t.unnamed}</span>}
      </p>
      <dl className="mt-0.5 space-y-0.5 text-muted">
        {contact.email && (
          <div className="flex min-w-0 items-center gap-1">
            <dt className="sr-only">{t.email}</dt>
            <dd className="min-w-0 truncate">
              {emailHref ? (
                <a className="text-accent hover:underline" href={emailHref}>
                  {contact.email}
                </a>
              ) : (
                contact.email
              )}
            </dd>
            <CopyButton value={contact.email} label={`${t.email.toLowerCase()} ${contact.email}`} />
          </div>
        )}
        {contact.phone && (
          <div className="flex min-w-0 items-center gap-1">
            <dt className="sr-only">{t.phone}</dt>
            <dd className="min-w-0 truncate tabular-nums">
              {phone ? (
                <a className="text-accent hover:underline" href={`tel:${phone.href}`}>
                  {phone.display}
                </a>
              ) : (
                contact.phone
              )}
            </dd>
            <CopyButton
              value={phone?.href ?? contact.phone}
              label={`${t.phone.toLowerCase()} ${phone?.display ?? contact.phone}`}
            />
          </div>
        )}
      </dl>
    </li>
  );
}

export function ContactsPanel({ contacts }: { contacts: Section<Contact> }) {
  return (
    <Panel
      title={messages.panels.contacts}
      count={contacts.items.length}
      empty={messages.empty.contacts}
      unreadable={contacts.unreadable}
    >
      <ul className="divide-y divide-line">
        {contacts.items.map((contact, index) => (
          <ContactCard key={contact.id ?? index} contact={contact} />
        ))}
      </ul>
    </Panel>
  );
}
