/** The look of a plain bordered button with text (Refresh, Copy link, the conversation's actions). */
export const outlineButton =
  'inline-flex h-8 items-center gap-1.5 rounded-md border border-line bg-surface px-2.5 text-sm text-ink hover:bg-subtle focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-60';
