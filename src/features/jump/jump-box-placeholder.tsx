import { SearchIcon } from '@/components/ui/icons';
import { messages } from '@/lib/messages';

/**
 * The jump box's look while its code loads, a moment after the page: the same size and place, so
 * nothing moves when the real box takes over.
 */
export function JumpBoxPlaceholder() {
  return (
    <div aria-hidden="true" className="flex shrink-0 sm:max-w-sm sm:min-w-0 sm:flex-1 sm:shrink">
      <span className="inline-flex size-8 items-center justify-center text-muted sm:hidden">
        <SearchIcon className="size-5" />
      </span>
      <span className="relative hidden h-8 w-full min-w-0 items-center rounded-md border border-line bg-canvas pl-8 text-sm text-muted sm:flex">
        <SearchIcon className="absolute top-1/2 left-2.5 size-4 -translate-y-1/2" />
        <span className="truncate">{messages.jump.placeholder}</span>
      </span>
    </div>
  );
}
