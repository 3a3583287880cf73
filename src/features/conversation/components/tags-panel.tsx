import { Panel } from '@/components/ui/panel';
import { useShowMore } from '@/components/ui/show-more';
import { messages } from '@/lib/messages';
import type { Section } from '../api/conversation-schema';

export function TagsPanel({ tags }: { tags: Section<string> }) {
  const { shown, more } = useShowMore(tags.items, 60);
  return (
    <Panel
      title={messages.panels.tags}
      count={tags.items.length}
      empty={messages.empty.tags}
      unreadable={tags.unreadable}
    >
      <ul className="flex flex-wrap gap-1.5">
        {shown.map((tag, index) => (
          <li
            key={`${tag}-${index}`}
            className="max-w-full truncate rounded-md border border-line bg-subtle px-2 py-0.5 text-xs"
          >
            {tag}
          </li>
        ))}
      </ul>
      {more}
    </Panel>
  );
}
