import type { ReactNode } from 'react';

/**
 * The page grid, shared by the conversation and its skeleton so loading takes the final layout's
 * space. The side column comes first in reading order: who is waiting and who owns it.
 */
export function ConversationLayout({
  header,
  side,
  main,
}: {
  header: ReactNode;
  side: ReactNode;
  main: ReactNode;
}) {
  return (
    <div className="space-y-4">
      {header}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4 lg:order-last">{side}</div>
        <div className="min-w-0 space-y-4">{main}</div>
      </div>
    </div>
  );
}
