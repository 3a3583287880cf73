import type { ReactNode } from 'react';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { BrokenPanel } from '@/components/ui/panel';
import { messages } from '@/lib/messages';
import type { Conversation } from '../api/conversation-model';
import { AssigneesPanel } from './assignees-panel';
import { ContactsPanel } from './contacts-panel';
import { ContextsPanel } from './contexts-panel';
import { ConversationHeader } from './conversation-header';
import { ConversationLayout } from './conversation-layout';
import { CrmTimeline } from './crm-timeline';
import { IdentifiersPanel } from './identifiers-panel';
import { MetadataPanel } from './metadata-panel';
import { TagsPanel } from './tags-panel';
import { VariablesPanel } from './variables-panel';

const t = messages.panels;

/** Each panel fails alone: a render error shows a notice in its place, the rest stays usable. */
function Guarded({ title, children }: { title: string; children: ReactNode }) {
  return <ErrorBoundary fallback={<BrokenPanel title={title} />}>{children}</ErrorBoundary>;
}

export function ConversationDetail({
  conversation,
  transcript,
}: {
  conversation: Conversation;
  /** The messages panel, from its own feature: it loads and fails on its own. */
  transcript?: ReactNode;
}) {
  return (
    <ConversationLayout
      header={<ConversationHeader conversation={conversation} />}
      side={
        <>
          <Guarded title={t.contacts}>
            <ContactsPanel contacts={conversation.contacts} />
          </Guarded>
          <Guarded title={t.assignees}>
            <AssigneesPanel assignees={conversation.assignees} />
          </Guarded>
          <Guarded title={t.tags}>
            <TagsPanel tags={conversation.tags} />
          </Guarded>
        </>
      }
      main={
        <>
          {/* First in the wide column: what was said is what an agent reads first. */}
          {transcript && <Guarded title={messages.transcript.title}>{transcript}</Guarded>}
          <Guarded title={t.timeline}>
            <CrmTimeline conversationId={conversation.id} links={conversation.scenarioLinks} />
          </Guarded>
          <Guarded title={t.variables}>
            <VariablesPanel variables={conversation.variables} />
          </Guarded>
          <Guarded title={t.contexts}>
            <ContextsPanel contexts={conversation.contexts} />
          </Guarded>
          <Guarded title={t.metadata}>
            <MetadataPanel metadata={conversation.metadata} />
          </Guarded>
          <Guarded title={t.identifiers}>
            <IdentifiersPanel identifiers={conversation.identifiers} />
          </Guarded>
        </>
      }
    />
  );
}
