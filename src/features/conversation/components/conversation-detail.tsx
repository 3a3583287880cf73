import { useMemo, type ReactNode } from 'react';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { BrokenPanel } from '@/components/ui/panel';
import { messages } from '@/lib/messages';
import type { Conversation } from '@/lib/conversation/conversation-model';
import { AdsPanel } from './ads-panel';
import { AssigneesPanel } from './assignees-panel';
import { ContactsPanel } from './contacts-panel';
import { ContextsPanel } from './contexts-panel';
import { ConversationHeader } from './conversation-header';
import { ConversationLayout } from './conversation-layout';
import { CrmTimeline } from './crm-timeline';
import { IdentifiersPanel } from './identifiers-panel';
import { MetadataPanel } from './metadata-panel';
import { hasNps, NpsPanel } from './nps-panel';
import { TagsPanel } from './tags-panel';
import { VariablesPanel } from './variables-panel';

const t = messages.panels;

/** Each panel fails alone: a render error shows a notice in its place, the rest stays usable. */
function Guarded({ title, children }: { title: string; children: ReactNode }) {
  return <ErrorBoundary fallback={<BrokenPanel title={title} />}>{children}</ErrorBoundary>;
}

/** The names of the organization's people on this conversation, by user id. */
export type OperatorNames = ReadonlyMap<string, string>;

/** What other features draw into the page: each loads and fails on its own. */
export interface ConversationSlots {
  /** The messages panel (and the reply under it), told who the conversation's operators are. */
  renderTranscript?: (operatorNames: OperatorNames, conversation: Conversation) => ReactNode;
  /** What the agent can change: first in the side column. */
  renderActions?: (conversation: Conversation) => ReactNode;
  /** The conversation's notes: last in the side column. */
  renderNotes?: () => ReactNode;
}

export function ConversationDetail({
  conversation,
  renderTranscript,
  renderActions,
  renderNotes,
}: { conversation: Conversation } & ConversationSlots) {
  // Messages name their operator by user id only; the assignees give the names.
  const operatorNames = useMemo(
    (): OperatorNames =>
      new Map(
        conversation.assignees.items.flatMap(({ id, name, email }) => {
          const shown = name ?? email;
          return id && shown ? [[id, shown] as const] : [];
        }),
      ),
    [conversation.assignees.items],
  );
  const transcript = renderTranscript?.(operatorNames, conversation);
  return (
    <ConversationLayout
      header={<ConversationHeader conversation={conversation} />}
      side={
        <>
          {renderActions && <Guarded title={t.actions}>{renderActions(conversation)}</Guarded>}
          <Guarded title={t.contacts}>
            <ContactsPanel contacts={conversation.contacts} />
          </Guarded>
          {/* Shown only when there is something to say: most conversations have neither. */}
          {hasNps(conversation.nps) && (
            <Guarded title={t.nps}>
              <NpsPanel nps={conversation.nps} />
            </Guarded>
          )}
          {(conversation.ads.items.length > 0 || conversation.ads.unreadable.length > 0) && (
            <Guarded title={t.ads}>
              <AdsPanel ads={conversation.ads} />
            </Guarded>
          )}
          <Guarded title={t.assignees}>
            <AssigneesPanel assignees={conversation.assignees} />
          </Guarded>
          <Guarded title={t.tags}>
            <TagsPanel tags={conversation.tags} />
          </Guarded>
          {renderNotes && <Guarded title={t.notes}>{renderNotes()}</Guarded>}
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
