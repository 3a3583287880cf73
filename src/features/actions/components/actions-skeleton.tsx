import { Panel } from '@/components/ui/panel';
import { messages } from '@/lib/messages';

/**
 * The actions' body takes this height loaded or not: the panels below do not move when their
 * code arrives, after the page's first paint. Below 375 px the AI's explanation and the sign-in
 * note may wrap to a second line, so the body is taller there.
 */
export const actionsBodyHeight = 'min-h-78 min-[375px]:min-h-74';

/** The actions panel while its code loads: its title and its height. */
export function ActionsSkeleton() {
  return (
    <Panel title={messages.panels.actions}>
      <div aria-busy="true" className={actionsBodyHeight} />
    </Panel>
  );
}
