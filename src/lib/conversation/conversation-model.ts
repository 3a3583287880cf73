/**
 * What a conversation is once read: the types the pages use and the enum values we know. Apart
 * from its reader (conversation-schema.ts), so a page can draw one without loading the schema
 * library.
 */

/** Whether a value the API sent is one of the values we know (enums may grow). */
export const isOneOf = <T extends string>(known: readonly T[], value: string): value is T =>
  (known as readonly string[]).includes(value);

/**
 * Whether a frustration, once read, is on the 0–100 the pages draw: the API has sent values
 * outside both of its scales (74,753,522; negative ones), which the reader keeps as received.
 */
export const isFrustrationInRange = (frustration: number) => frustration >= 0 && frustration <= 100;

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
  externalId: string | null;
  /** An https address of the contact's picture; never loaded by the viewer, only linked. */
  pictureHref: string | null;
  /** Free-form JSON. */
  metadata: unknown;
}

export interface Assignee {
  /** The user's id, which messages name their operator by. */
  id: string | null;
  name: string | null;
  email: string | null;
}

/** The ad a WhatsApp customer clicked to start the conversation. */
export interface AdAttribution {
  headline: string | null;
  body: string | null;
  /** The ad's page, when it is an http(s) address. */
  href: string | null;
  /** An https address of its image; linked, never loaded by the viewer. */
  imageHref: string | null;
  mediaType: string | null;
  sourceId: string | null;
  clickedAt: string | null;
}

/** The customer's answer to the NPS survey. */
export interface Nps {
  /** 0–10. */
  rating: number | null;
  comment: string | null;
  startedAt: string | null;
  completedAt: string | null;
}

export interface Variable {
  name: string;
  value: unknown;
}

export interface Context {
  /** The context as the API sent it: text in the contract, anything in older shapes. */
  value: unknown;
  updatedAt: string | null;
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
  aiUserIdentifier: string | null;
  whatsappChatLid: string | null;
}

export interface Conversation {
  id: string;
  title: string | null;
  channel: string | null;
  isAiEnabled: boolean | null;
  status: string | null;
  priority: string | null;
  /**
   * 0–100: the API's 0–1 as a percentage (older material sent 0–100 already); any other number
   * as received, out of range (isFrustrationInRange).
   */
  frustration: number | null;
  unreadMessages: number | null;
  /** The contact is blocked. */
  blocked: boolean | null;
  isGroup: boolean | null;
  lastHumanInteractionAt: string | null;
  nps: Nps;
  createdAt: string | null;
  updatedAt: string | null;
  identifiers: Identifiers;
  /** Top-level fields that were present with a value of the wrong type. */
  unreadableFields: string[];
  contacts: Section<Contact>;
  variables: Section<Variable>;
  contexts: Section<Context>;
  ads: Section<AdAttribution>;
  assignees: Section<Assignee>;
  tags: Section<string>;
  scenarioLinks: Section<ScenarioLink>;
  /** Free-form JSON: any value is acceptable. */
  metadata: unknown;
}
