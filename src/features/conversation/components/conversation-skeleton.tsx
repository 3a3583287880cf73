import { messages } from '@/lib/messages';
import { ConversationLayout } from './conversation-layout';

const block = 'animate-pulse rounded bg-subtle';

function PanelSkeleton({ lines }: { lines: number }) {
  return (
    <div className="rounded-lg border border-line bg-surface">
      <div className="flex min-h-11 items-center border-b border-line px-4">
        <div className={`${block} h-3.5 w-24`} />
      </div>
      <div className="space-y-2.5 px-4 py-3">
        {Array.from({ length: lines }, (_, index) => (
          <div key={index} className={`${block} h-3.5`} style={{ width: `${85 - index * 12}%` }} />
        ))}
      </div>
    </div>
  );
}

/** The page's shape while it loads: same grid, same panels, no content. */
export function ConversationSkeleton() {
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="sr-only">{messages.conversation.loading}</p>
      <ConversationLayout
        header={
          <div className="rounded-lg border border-line bg-surface px-4 py-3 sm:px-5 sm:py-4">
            <div className="flex gap-2">
              <div className={`${block} h-5 w-28 rounded-full`} />
              <div className={`${block} h-5 w-24 rounded-full`} />
              <div className={`${block} h-5 w-40 rounded-full`} />
            </div>
            <div className={`${block} mt-3 h-7 w-2/3`} />
            <div className={`${block} mt-2 h-4 w-40`} />
            <div className={`${block} mt-3 h-4 w-3/4`} />
          </div>
        }
        side={
          <>
            <PanelSkeleton lines={3} />
            <PanelSkeleton lines={2} />
            <PanelSkeleton lines={1} />
          </>
        }
        main={
          <>
            <PanelSkeleton lines={3} />
            <PanelSkeleton lines={4} />
          </>
        }
      />
    </div>
  );
}
