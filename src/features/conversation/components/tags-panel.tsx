import { ListPanel } from '@/components/ui/list-panel';
import { messages } from '@/lib/messages';
import type { Section } from '@/lib/conversation/conversation-model';

export function TagsPanel({ tags }: { tags: Section<string> }) {
  return (
    <ListPanel
      title={messages.panels.tags}
      empty={messages.empty.tags}
      items={tags.items}
      unreadable={tags.unreadable}
      pageSize={60}
      listClassName="flex flex-wrap gap-1.5"
      itemClassName="max-w-full truncate rounded-md border border-line bg-subtle px-2 py-0.5 text-xs"
      renderItem={(tag) => tag}
    />
  );
}
