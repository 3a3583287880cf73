/**
 * What a conversation is once read: the types the pages use and the enum values we know. Apart
 * from its reader (conversation-schema.ts), so a page can draw one without loading the schema
 * library.
 */
export const knownStatuses = ['HUMAN_REQUESTED', 'UNRESOLVED', 'RESOLVED'] as const;
export const knownPriorities = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type KnownStatus = (typeof knownStatuses)[number];
export type KnownPriority = (typeof knownPriorities)[number];

/** Whether a value the API sent is one of the values we know (enums may grow). */
export const isOneOf = <T extends string>(known: readonly T[], value: string): value is T =>
  (known as readonly string[]).includes(value);

/** A list section: the items we could read, and the raw ones we could not. */
export interface Section<T> {
  items: T[];
  unreadable: unknown[];
}

export interface Contact {
  id: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
}

export interface Assignee {
  id: string | null;
  name: string | null;
  email: string | null;
}

export interface Variable {
  name: string;
  value: unknown;
}

export interface ScenarioLink {
  available: boolean | null;
  scenario: { id: string | null; name: string | null };
  step: { id: string | null; name: string | null };
  createdAt: string | null;
  updatedAt: string | null;
}

export interface Identifiers {
  organizationId: string | null;
  agentId: string | null;
  userId: string | null;
  visitorId: string | null;
  channelExternalId: string | null;
  channelCredentialsId: string | null;
  mailInboxId: string | null;
  formId: string | null;
}

export interface Conversation {
  id: string;
  title: string | null;
  channel: string | null;
  isAiEnabled: boolean | null;
  status: string | null;
  priority: string | null;
  frustration: number | null;
  createdAt: string | null;
  updatedAt: string | null;
  identifiers: Identifiers;
  /** Top-level fields that were present with a value of the wrong type. */
  unreadableFields: string[];
  contacts: Section<Contact>;
  variables: Section<Variable>;
  contexts: Section<unknown>;
  assignees: Section<Assignee>;
  tags: Section<string>;
  scenarioLinks: Section<ScenarioLink>;
  /** Free-form JSON: any value is acceptable. */
  metadata: unknown;
}
