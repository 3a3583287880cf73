import { pageMessages } from '@/app/page-messages';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { parseConversation } from '@/lib/conversation/conversation-schema';
import { ChannelLabel } from '@/components/conversation/channel-label';
import { ConversationLink } from '@/components/conversation/conversation-link';
import { PriorityBadge } from '@/components/conversation/priority-badge';
import { StatusBadge } from '@/components/conversation/status-badge';
import { RecentConversations } from '@/features/recents/recent-conversations';
import { messages } from '@/lib/messages';
import { OpenConversationForm } from '../open-conversation-form';

/** Demo mode only: the fixtures, loaded lazily so they never weigh on a live build. */
function DemoConversationList() {
  const t = pageMessages().home;
  const demo = useQuery({
    queryKey: ['demo-conversations'],
    queryFn: async () => {
      const { demoConversations } = await import('@/mocks/fixtures/demo-conversations');
      return Object.values(demoConversations).map((raw) => parseConversation(raw));
    },
    staleTime: Infinity,
  });
  return (
    <section aria-labelledby="demo-list" className="rounded-lg border border-line bg-surface">
      <h2 id="demo-list" className="border-b border-line px-4 py-2.5 text-sm font-semibold">
        {t.demoList}
      </h2>
      <ul className="divide-y divide-line">
        {demo.data?.map((conversation) => (
          <li key={conversation.id}>
            <ConversationLink
              conversationId={conversation.id}
              className="flex flex-col gap-1 px-4 py-2.5 hover:bg-subtle sm:flex-row sm:items-center sm:gap-3"
            >
              <span className="min-w-0 flex-1 truncate font-medium">
                {conversation.title ?? messages.conversation.untitled}
              </span>
              <span className="flex flex-wrap items-center gap-2 text-xs text-muted">
                <ChannelLabel channel={conversation.channel} />
                <StatusBadge status={conversation.status} />
                <PriorityBadge priority={conversation.priority} />
              </span>
            </ConversationLink>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function HomeRoute() {
  const t = pageMessages().home;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <title>{messages.appName}</title>
      <div className="rounded-lg border border-line bg-surface p-5">
        <h1 className="mb-3 text-lg font-semibold">{t.title}</h1>
        <OpenConversationForm />
        <Link
          to={paths.conversations.href()}
          className="mt-4 inline-block text-sm text-accent hover:underline"
        >
          {t.browse} →
        </Link>
      </div>
      <RecentConversations />
      {/* The build-time literal, so a live build drops the list and its lazy fixtures chunk. */}
      {__DEMO_MODE__ && <DemoConversationList />}
    </div>
  );
}
