import type { Conversation } from '../api/conversation-schema';
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

export function ConversationDetail({ conversation }: { conversation: Conversation }) {
  return (
    <ConversationLayout
      header={<ConversationHeader conversation={conversation} />}
      side={
        <>
          <ContactsPanel contacts={conversation.contacts} />
          <AssigneesPanel assignees={conversation.assignees} />
          <TagsPanel tags={conversation.tags} />
        </>
      }
      main={
        <>
          <CrmTimeline links={conversation.scenarioLinks} />
          <VariablesPanel variables={conversation.variables} />
          <ContextsPanel contexts={conversation.contexts} />
          <MetadataPanel metadata={conversation.metadata} />
          <IdentifiersPanel identifiers={conversation.identifiers} />
        </>
      }
    />
  );
}
