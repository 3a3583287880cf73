import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { messages } from '@/lib/messages';

/**
 * A link that leaves the viewer: a new tab, said to screen readers, and no Referer, so the site
 * never learns which conversation linked to it. `href` must already be a checked http(s) address.
 */
export function ExternalLink({
  href,
  className,
  children,
}: {
  href: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className={cn('text-accent underline', className)}
    >
      {children}
      <span className="sr-only"> {messages.opensInNewTab}</span>
    </a>
  );
}
