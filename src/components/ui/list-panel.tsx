import type { ReactNode } from 'react';
import { Panel } from './panel';
import { useShowMore } from './show-more';

interface ListPanelProps<T> {
  title: string;
  empty: string;
  items: T[];
  /** Raw entries that could not be read, shown as received under a notice. */
  unreadable: unknown[];
  /** How many items show before "Show more" is asked for. */
  pageSize: number;
  listClassName: string;
  itemClassName: string;
  renderItem: (item: T) => ReactNode;
}

/** A panel holding a list: count, empty state, unreadable entries, and a page at a time. */
export function ListPanel<T>({
  title,
  empty,
  items,
  unreadable,
  pageSize,
  listClassName,
  itemClassName,
  renderItem,
}: ListPanelProps<T>) {
  const { shown, more } = useShowMore(items, pageSize);
  return (
    <Panel title={title} count={items.length} empty={empty} unreadable={unreadable}>
      <ul className={listClassName}>
        {shown.map((item, index) => (
          // Items have no identity of their own that is sure to be unique; the list only grows.
          <li key={index} className={itemClassName}>
            {renderItem(item)}
          </li>
        ))}
      </ul>
      {more}
    </Panel>
  );
}
