import { CopyButton } from '@/components/ui/copy-button';
import { ExternalLink } from '@/components/ui/external-link';
import { ListPanel } from '@/components/ui/list-panel';
import { formatPhone } from '@/lib/format';
import { mailtoHref } from '@/lib/links';
import { messages } from '@/lib/messages';
import type { Contact, Section } from '@/lib/conversation/conversation-model';
import { KeyValueRows } from './key-value-rows';

const t = messages.contact;

/** One way to reach a contact: a link when the value is safe to link, and a copy button. */
function ContactDetail({
  term,
  text,
  href,
  copyValue,
  showTerm = false,
}: {
  term: string;
  text: string;
  href: string | null;
  copyValue: string;
  /** E-mails and phones speak for themselves; other details say what they are. */
  showTerm?: boolean;
}) {
  return (
    <div className={showTerm ? 'flex items-center gap-1' : undefined}>
      <dt className={showTerm ? 'shrink-0' : 'sr-only'}>{term}</dt>
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
        {contact.externalId && (
          <ContactDetail
            term={t.externalId}
            text={contact.externalId}
            href={null}
            copyValue={contact.externalId}
            showTerm
          />
        )}
      </dl>
      {/* A link, not an <img>: loading it would tell the picture's host who looked, and when. */}
      {contact.pictureHref && (
        <p className="mt-0.5 text-xs">
          <ExternalLink href={contact.pictureHref}>{t.picture}</ExternalLink>
        </p>
      )}
      <KeyValueRows value={contact.metadata} className="mt-1 text-xs" />
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
