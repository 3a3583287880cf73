import { Panel } from '@/components/ui/panel';
import { messages } from '@/lib/messages';

/**
 * The actions' body takes this height loaded or not: the panels below do not move when their
 * code arrives, after the page's first paint.
 */
export const actionsBodyHeight = 'min-h-74';

/** The actions panel while its code loads: its title and its height. */
export function ActionsSkeleton() {
  return (
    <Panel title={messages.panels.actions}>
      <div aria-busy="true" className={actionsBodyHeight} />
    </Panel>
  );
}
