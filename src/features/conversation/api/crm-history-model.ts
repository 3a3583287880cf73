/**
 * A conversation's CRM history once read: its moves from step to step, as the API logs them.
 * Apart from its reader (crm-history-schema.ts), so the timeline draws without the schema library.
 */
import type { Section } from '@/lib/conversation/conversation-model';

/** One move into a step. A log gives the step's id and index only; its name comes from the links. */
export interface CrmLog {
  id: string | null;
  conversationId: string | null;
  scenario: { id: string | null; name: string | null };
  step: { id: string | null; index: number | null };
  /** `active`, `inactive`, `error`, or a value we do not know yet. */
  status: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** The history, or word that the organization's plan has none (the API answered 402 or 403). */
export type CrmHistory = { kind: 'available'; logs: Section<CrmLog> } | { kind: 'unavailable' };
