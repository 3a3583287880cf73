/** The reply's place while its code loads: its height, so nothing under it moves when it comes. */
export function ReplySkeleton() {
  return <div aria-hidden="true" className="h-52 border-t border-line print:hidden" />;
}
