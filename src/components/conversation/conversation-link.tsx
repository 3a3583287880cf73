import { useQueryClient } from '@tanstack/react-query';
import type { ComponentProps } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { conversationQueries } from '@/lib/conversation/queries';

type ConversationLinkProps = Omit<ComponentProps<typeof Link>, 'to'> & { conversationId: string };

/**
 * A link to a conversation that starts fetching it on hover or focus: by the time the agent
 * clicks, the page usually has its data and shows at once.
 */
export function ConversationLink({ conversationId, ...props }: ConversationLinkProps) {
  const queryClient = useQueryClient();
  const prefetch = () => void queryClient.prefetchQuery(conversationQueries.detail(conversationId));
  return (
    <Link
      {...props}
      to={paths.conversation.href(conversationId)}
      onMouseEnter={prefetch}
      onFocus={prefetch}
    />
  );
}
