import { Panel } from '@/components/ui/panel';
import { messages } from '@/lib/messages';

/**
 * The messages take the height of their content, up to most of the viewport, then scroll; with
 * the reply under them, one height whatever their number, so the reply never moves. The skeleton
 * takes the height of a typical short chat, or of the messages and the reply, so the panels below
 * move little when they arrive.
 */
export const transcriptMaxHeight = 'max-h-[80vh]';
export const transcriptFixedHeight = 'h-[min(24rem,50vh)]';
const skeletonHeight = 'h-[min(36rem,70vh)]';

const bubbleWidths = ['w-3/5', 'w-2/5', 'w-2/3', 'w-1/3'];

/** The messages' shape while they load: alternating bubbles, in the list's own height. */
export function TranscriptSkeleton() {
  const block = 'h-12 animate-pulse rounded-lg bg-subtle';
  return (
    <div
      aria-busy="true"
      className={`-mx-4 -my-3 space-y-3 overflow-hidden px-4 py-3 ${skeletonHeight}`}
    >
      <p className="sr-only">{messages.transcript.loading}</p>
      {bubbleWidths.map((width, index) => (
        <div key={width} className={index % 2 ? 'flex justify-end' : 'flex'}>
          <div className={`${block} ${width}`} />
        </div>
      ))}
    </div>
  );
}

/** The whole panel while its code or its messages load. */
export function TranscriptPanelSkeleton() {
  return (
    <Panel title={messages.transcript.title}>
      <TranscriptSkeleton />
    </Panel>
  );
}
