/** The look of a square, icon-only button (close, remove, open search): one place for all. */
export const iconButton =
  'inline-flex size-8 shrink-0 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-ink focus-visible:outline-2 focus-visible:outline-accent';
