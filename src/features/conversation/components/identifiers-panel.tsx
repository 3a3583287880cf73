import { CopyButton } from '@/components/ui/copy-button';
import { Panel } from '@/components/ui/panel';
import { messages } from '@/lib/messages';
import type { Identifiers } from '@/lib/conversation/conversation-model';

const t = messages.identifiers;
const order: (keyof Identifiers)[] = [
  'organizationId',
  'agentId',
  'userId',
  'visitorId',
  'channelExternalId',
  'channelCredentialsId',
  'mailInboxId',
  'formId',
  'aiUserIdentifier',
  'whatsappChatLid',
];

export function IdentifiersPanel({ identifiers }: { identifiers: Identifiers }) {
  return (
    <Panel title={messages.panels.identifiers}>
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] items-center gap-x-3 gap-y-0.5">
        {order.map((key) => {
          const value = identifiers[key];
          return (
            <div key={key} className="contents">
              <dt className="text-muted">{t[key]}</dt>
              <dd className="flex min-h-7 min-w-0 items-center gap-1">
                {value ? (
                  <>
                    <code className="min-w-0 truncate font-mono text-xs" title={value}>
                      {value}
                    </code>
                    <CopyButton value={value} label={t[key].toLowerCase()} />
                  </>
                ) : (
                  <span className="text-muted">{t.none}</span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </Panel>
  );
}
