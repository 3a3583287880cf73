/**
 * The Chatvolt API's wire format as its OpenAPI contract states it (shared/api/README.md): every
 * field the viewer reads, with its contract type, written down once. The readers of a
 * conversation and of its messages (conversation-schema.ts, transcript-schema.ts) are built on
 * these shapes and loosen them, since every field is untrusted (the CRM history's reads each log
 * field by field, tolerant of any type); a test holds the demo fixtures, the end-to-end stub and
 * the bench upstream to the strict objects, so fixtures cannot drift from the contract.
 */
import * as z from 'zod/mini';
import { knownPriorities, knownStatuses } from '@/config/conversation-values';

/** No field of the contract is required; most may also be null. */
const maybe = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

const text = maybe(z.string());
const dateTime = z.iso.datetime({ offset: true });
const jsonObject = z.record(z.string(), z.unknown());

export const contactShape = {
  id: z.optional(z.string()),
  organizationId: z.optional(z.string()),
  email: text,
  phoneNumber: text,
  firstName: text,
  lastName: text,
  externalId: text,
  /** A URL. */
  picture: text,
  metadata: maybe(jsonObject),
  createdAt: z.optional(dateTime),
  updatedAt: z.optional(dateTime),
};

export const conversationVariableShape = {
  conversationId: z.optional(z.string()),
  varName: z.optional(z.string()),
  varValue: maybe(z.string().check(z.maxLength(100))),
  createdAt: z.optional(dateTime),
  updatedAt: z.optional(dateTime),
};

export const conversationContextShape = {
  context: text,
  updatedAt: z.optional(dateTime),
};

/** The ad a WhatsApp contact clicked to start the conversation (Click-to-WhatsApp). */
export const adAttributionShape = {
  id: z.optional(z.string()),
  contactId: z.optional(z.string()),
  organizationId: z.optional(z.string()),
  conversationId: text,
  ctwaClid: z.optional(z.string()),
  sourceType: z.optional(z.string()),
  sourceId: z.optional(z.string()),
  headline: text,
  body: text,
  sourceUrl: text,
  mediaType: text,
  imageUrl: text,
  videoUrl: text,
  thumbnailUrl: text,
  clickedAt: z.optional(dateTime),
  createdAt: z.optional(dateTime),
  updatedAt: z.optional(dateTime),
};

const userShape = { id: z.optional(z.string()), name: text, email: text };

export const assigneeShape = {
  /** A membership id beside the user: not in the contract's schema, but one version sends it. */
  id: z.optional(z.string()),
  user: z.optional(z.strictObject(userShape)),
};

export const tagShape = { tag: z.string() };

// The contract's scenario and step carry many more fields (prompts, webhooks, automation): the
// viewer reads these, and the strict objects below hold the fixtures to them.
export const scenarioShape = {
  id: z.optional(z.string()),
  index: z.optional(z.int()),
  name: z.optional(z.string()),
  description: text,
};

export const stepShape = {
  id: z.optional(z.string()),
  index: z.optional(z.int()),
  name: text,
  trigger: text,
  defaultStatus: maybe(z.enum(knownStatuses)),
  defaultPriority: maybe(z.enum(knownPriorities)),
};

export const scenarioLinkShape = {
  id: z.optional(z.string()),
  scenarioId: z.optional(z.string()),
  stepId: z.optional(z.string()),
  conversationId: z.optional(z.string()),
  /** Whether the conversation is active in the scenario. */
  available: z.optional(z.boolean()),
  processingJob: z.optional(z.boolean()),
  scenario: z.optional(z.strictObject(scenarioShape)),
  step: z.optional(z.strictObject(stepShape)),
  createdAt: z.optional(dateTime),
  updatedAt: z.optional(dateTime),
};

export const conversationShape = {
  id: z.optional(z.string()),
  organizationId: text,
  title: text,
  /** Lowercase and open-ended: whatsapp, website, telegram, instagramDm, zapi, mail, … */
  channel: z.optional(z.string()),
  status: z.optional(z.enum(knownStatuses)),
  priority: z.optional(z.enum(knownPriorities)),
  isAiEnabled: z.optional(z.boolean()),
  blocked: z.optional(z.boolean()),
  isGroup: z.optional(z.boolean()),
  unreadMessagesCount: z.optional(z.int().check(z.nonnegative())),
  /** 0 to 1: the schema gives no range, the list's frustration filters say 0 to 1. */
  frustration: maybe(z.number().check(z.gte(0), z.lte(1))),
  metadata: maybe(jsonObject),
  channelExternalId: text,
  channelCredentialsId: text,
  mailInboxId: text,
  formId: text,
  agentId: text,
  userId: text,
  visitorId: text,
  aiUserIdentifier: text,
  whatsappChatLid: text,
  npsStep: z.optional(z.int()),
  npsRating: maybe(z.int().check(z.gte(0), z.lte(10))),
  npsComment: text,
  npsStartedAt: maybe(dateTime),
  npsCompletedAt: maybe(dateTime),
  lastHumanInteractionAt: maybe(dateTime),
  createdAt: z.optional(dateTime),
  updatedAt: z.optional(dateTime),
  participantsContacts: z.optional(z.array(z.strictObject(contactShape))),
  conversationVariables: z.optional(z.array(z.strictObject(conversationVariableShape))),
  conversationContexts: z.optional(z.array(z.strictObject(conversationContextShape))),
  ctwaAttributions: z.optional(z.array(z.strictObject(adAttributionShape))),
  assignees: z.optional(z.array(z.strictObject(assigneeShape))),
  tags: z.optional(z.array(z.strictObject(tagShape))),
  crmScenarioConversations: z.optional(z.array(z.strictObject(scenarioLinkShape))),
};

/** `GET /conversation/{id}`, and each item of the bare array `GET /conversation` answers. */
export const conversationContract = z.strictObject(conversationShape);

/** The knowledge an AI answer came from. */
export const messageSourceShape = {
  text: z.optional(z.string()),
  /** The chunk's similarity to the question, 0 to 1. */
  score: z.optional(z.number()),
  /** A URL or an id. */
  source: z.optional(z.string()),
  datasource_id: z.optional(z.string()),
  datasource_name: z.optional(z.string()),
  custom_id: text,
  tags: z.optional(z.array(z.string())),
};

export const messageShape = {
  id: z.optional(z.string()),
  conversationId: z.optional(z.string()),
  text: z.optional(z.string()),
  html: text,
  /** `agent` is the AI; `human` is a person on either side: see transcript-schema.ts. */
  from: z.optional(z.enum(['human', 'agent'])),
  userId: text,
  contactId: text,
  visitorId: text,
  agentId: text,
  sources: maybe(z.array(z.strictObject(messageSourceShape))),
  read: z.optional(z.boolean()),
  eval: maybe(z.enum(['good', 'bad'])),
  metadata: maybe(jsonObject),
  createdAt: z.optional(dateTime),
  updatedAt: z.optional(dateTime),
};

/** `GET /conversation/{id}/messages/{count}`: the latest messages, in no stated order. */
export const messagesContract = z.strictObject({
  status: z.optional(z.string()),
  isAiEnabled: z.optional(z.boolean()),
  userId: z.optional(z.string()),
  organizationId: z.optional(z.string()),
  messages: z.optional(z.array(z.strictObject(messageShape))),
});

export const crmLogStatuses = ['active', 'inactive', 'error'] as const;

export const crmLogShape = {
  id: z.optional(z.string()),
  conversationId: z.optional(z.string()),
  scenarioId: z.optional(z.string()),
  stepId: z.optional(z.string()),
  organizationId: z.optional(z.string()),
  status: z.optional(z.enum(crmLogStatuses)),
  createdAt: z.optional(dateTime),
  updatedAt: z.optional(dateTime),
  conversation: z.optional(z.strictObject({ id: z.optional(z.string()), title: text })),
  scenario: z.optional(z.strictObject({ id: z.optional(z.string()), name: text })),
  step: z.optional(z.strictObject({ id: z.optional(z.string()), index: maybe(z.int()) })),
};

/** `GET /crm/conversationLog?conversationId=…`: one page of a conversation's CRM moves (403 without CRM). */
export const crmHistoryPageContract = z.strictObject({
  data: z.array(z.strictObject(crmLogShape)),
  pagination: z.strictObject({
    page: z.int().check(z.positive()),
    limit: z.int().check(z.positive(), z.lte(100)),
    total: z.int().check(z.nonnegative()),
    totalPages: z.int().check(z.nonnegative()),
  }),
});
