import { ListPanel } from '@/components/ui/list-panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { messages } from '@/lib/messages';
import type { Context, Section } from '@/lib/conversation/conversation-model';
import { KeyValueRows } from './key-value-rows';

function ContextItem({ context }: { context: Context }) {
  return (
    <>
      {/* The contract's contexts are text; older shapes' objects show as their fields. */}
      <KeyValueRows value={context.value} />
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
