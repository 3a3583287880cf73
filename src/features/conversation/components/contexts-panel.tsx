import { JsonValue } from '@/components/ui/json-value';
import { ListPanel } from '@/components/ui/list-panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { messages } from '@/lib/messages';
import type { Context, Section } from '@/lib/conversation/conversation-model';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The contract's contexts are text; older shapes' objects show as their fields. */
function ContextValue({ item }: { item: unknown }) {
  if (!isRecord(item)) return <JsonValue value={item} />;
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1">
      {Object.entries(item).map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="font-mono text-xs text-muted sm:pt-0.5">{key}</dt>
          <dd className="min-w-0">
            <JsonValue value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ContextItem({ context }: { context: Context }) {
  return (
    <>
      <ContextValue item={context.value} />
      {context.updatedAt && (
        <p className="mt-0.5 text-xs text-muted">
          {messages.conversation.updated} <RelativeTime value={context.updatedAt} fallback="" />
        </p>
      )}
    </>
  );
}

export function ContextsPanel({ contexts }: { contexts: Section<Context> }) {
  return (
    <ListPanel
      title={messages.panels.contexts}
      empty={messages.empty.contexts}
      items={contexts.items}
      unreadable={contexts.unreadable}
      pageSize={20}
      listClassName="divide-y divide-line"
      itemClassName="py-2 first:pt-0 last:pb-0"
      renderItem={(context) => <ContextItem context={context} />}
    />
  );
}
