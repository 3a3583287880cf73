/**
 * The tolerant reading of `ConversationDetailed`, built on the contract's shapes
 * (lib/api-contract.ts). Every field is untrusted: what leaves this module is typed and
 * normalised, and a malformed section is reported beside its data instead of failing the whole
 * conversation. The docs page's names and older shapes are read too.
 */
import * as z from 'zod/mini';
import { isRecord } from '@/lib/json';
import {
  adAttributionShape,
  contactShape,
  conversationContextShape,
  conversationShape,
} from '@/lib/api-contract';
import { httpHref, httpsHref } from '@/lib/links';
import type {
  AdAttribution,
  Assignee,
  Contact,
  Context,
  Conversation,
  ScenarioLink,
  Section,
  Variable,
} from './conversation-model';

const maybeText = z.optional(z.nullable(z.string()));
const textOrNumber = z.optional(z.nullable(z.union([z.string(), z.number()])));
const idAndName = z.optional(z.nullable(z.object({ id: textOrNumber, name: maybeText })));

const contactSchema = z.object({
  email: contactShape.email,
  firstName: contactShape.firstName,
  lastName: contactShape.lastName,
  externalId: contactShape.externalId,
  picture: contactShape.picture,
  // Free-form: any JSON is shown as it came.
  metadata: z.optional(z.unknown()),
  // Older shapes: numeric ids and phones, a single name, `phone`.
  id: textOrNumber,
  phoneNumber: textOrNumber,
  phone: textOrNumber,
  name: maybeText,
  fullName: maybeText,
});

/** A field of the wrong type (or null where the contract says never) reads as missing. */
const lenient = <T extends z.ZodMiniType>(schema: T) =>
  z.catch(z.optional(z.nullable(schema)), undefined);

const contextSchema = z.object({
  context: conversationContextShape.context,
  updatedAt: lenient(z.string()),
});

const adSchema = z.object({
  headline: lenient(adAttributionShape.headline),
  body: lenient(adAttributionShape.body),
  sourceUrl: lenient(adAttributionShape.sourceUrl),
  imageUrl: lenient(adAttributionShape.imageUrl),
  thumbnailUrl: lenient(adAttributionShape.thumbnailUrl),
  mediaType: lenient(adAttributionShape.mediaType),
  sourceId: lenient(adAttributionShape.sourceId),
  clickedAt: lenient(z.string()),
});

const personFields = { id: textOrNumber, name: maybeText, email: maybeText };
// The detail nests the user (`{ user: {…} }`); the list endpoint documents it flat (`{ id, email }`).
const assigneeSchema = z.object({
  ...personFields,
  user: z.optional(z.nullable(z.object(personFields))),
});

const tagSchema = z.union([
  z.string(),
  z.object({ tag: z.string() }),
  z.object({ tag: z.object({ name: z.string() }) }),
  z.object({ name: z.string() }),
]);

const scenarioLinkSchema = z.object({
  available: z.optional(z.nullable(z.boolean())),
  scenario: idAndName,
  step: idAndName,
  createdAt: maybeText,
  updatedAt: maybeText,
});

// Built once: making a schema costs far more than using it, and lists parse thousands of items.
const plainString = z.string();
const plainNumber = z.number();
const count = conversationShape.unreadMessagesCount;
const plainBoolean = z.boolean();
const idLike = z.union([z.string(), z.number()]);
const anyValue = z.unknown();

const isDate = (value: string) => !Number.isNaN(Date.parse(value));
const dateTime = z.string().check(z.refine(isDate));

const withoutKey = (item: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(item).filter(([name]) => name !== key));

/**
 * The contract's 0–1 as 0–100; a value above 1 comes from older material, already 0–100. A
 * negative one is kept as received, for the page to say it is out of range, as one above 100.
 */
const asPercentage = (frustration: number | null) =>
  frustration === null || frustration < 0 || frustration > 1
    ? frustration
    : Math.round(frustration * 1000) / 10;

const asText = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? null : String(value);

/** The first candidate that is a non-empty list, else the first one present at all. */
const firstNonEmpty = (...candidates: unknown[]) =>
  candidates.find((candidate) => Array.isArray(candidate) && candidate.length > 0) ??
  candidates.find((candidate) => candidate != null);

/** Reads a list section item by item, so one odd item never hides the others. */
function readSection<S extends z.ZodMiniType, T>(
  raw: unknown,
  schema: S,
  normalise: (item: z.infer<S>) => T,
): Section<T> {
  if (raw === undefined || raw === null) return { items: [], unreadable: [] };
  if (!Array.isArray(raw)) return { items: [], unreadable: [raw] };
  const section: Section<T> = { items: [], unreadable: [] };
  for (const item of raw) {
    const result = z.safeParse(schema, item);
    if (result.success) section.items.push(normalise(result.data));
    else section.unreadable.push(item);
  }
  return section;
}

function toContact(item: z.infer<typeof contactSchema>): Contact {
  const fullName = [item.firstName, item.lastName].filter(Boolean).join(' ');
  return {
    id: asText(item.id),
    name: item.name || item.fullName || fullName || null,
    email: item.email || null,
    phone: asText(item.phoneNumber) ?? asText(item.phone),
    externalId: item.externalId || null,
    pictureHref: item.picture ? httpsHref(item.picture) : null,
    metadata: item.metadata ?? null,
  };
}

/** The contract's `{ context, updatedAt }`; anything else is an older shape, shown as it came. */
function toContext(item: unknown): Context {
  const result = isRecord(item) && 'context' in item ? z.safeParse(contextSchema, item) : null;
  return result?.success
    ? {
        value: result.data.context ?? null,
        updatedAt:
          result.data.updatedAt && isDate(result.data.updatedAt) ? result.data.updatedAt : null,
      }
    : { value: item, updatedAt: null };
}

function toAd(item: z.infer<typeof adSchema>): AdAttribution {
  const image = item.thumbnailUrl || item.imageUrl;
  return {
    headline: item.headline || null,
    body: item.body || null,
    href: item.sourceUrl ? httpHref(item.sourceUrl) : null,
    imageHref: image ? httpsHref(image) : null,
    mediaType: item.mediaType || null,
    sourceId: item.sourceId || null,
    clickedAt: item.clickedAt && isDate(item.clickedAt) ? item.clickedAt : null,
  };
}

function toAssignee(item: z.infer<typeof assigneeSchema>): Assignee {
  const person = item.user ?? item;
  return { id: asText(person.id), name: person.name || null, email: person.email || null };
}

function toTag(item: z.infer<typeof tagSchema>): string {
  if (typeof item === 'string') return item;
  if ('tag' in item) return typeof item.tag === 'string' ? item.tag : item.tag.name;
  return item.name;
}

function toScenarioLink(item: z.infer<typeof scenarioLinkSchema>): ScenarioLink {
  return {
    available: item.available ?? null,
    scenario: { id: asText(item.scenario?.id), name: item.scenario?.name || null },
    step: { id: asText(item.step?.id), name: item.step?.name || null },
    createdAt: item.createdAt ?? null,
    updatedAt: item.updatedAt ?? null,
  };
}

const nameKeys = ['varName', 'name', 'key', 'label', 'variable', 'id'] as const;
const valueKeys = ['varValue', 'value'] as const;

/**
 * The contract's `{ varName, varValue }`; older shapes: `{ name|key, value }`, other objects,
 * scalars, or a map.
 */
function readVariables(raw: unknown): Section<Variable> {
  if (isRecord(raw)) {
    return { items: Object.entries(raw).map(([name, value]) => ({ name, value })), unreadable: [] };
  }
  return readSection(raw, anyValue, (item): Variable => {
    if (!isRecord(item)) return { name: '', value: item };
    const nameKey = nameKeys.find(
      (key) => typeof item[key] === 'string' || typeof item[key] === 'number',
    );
    if (!nameKey) return { name: '', value: item };
    const valueKey = valueKeys.find((key) => key in item);
    return {
      name: String(item[nameKey]),
      value: valueKey ? item[valueKey] : withoutKey(item, nameKey),
    };
  });
}

/** Thrown when the body is not a conversation object at all. */
export class NotAConversationError extends Error {
  constructor(readonly received: string) {
    super(`Expected a conversation object, received ${received}`);
    this.name = 'NotAConversationError';
  }
}

function describeJson(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

export function parseConversation(json: unknown): Conversation {
  if (!isRecord(json)) throw new NotAConversationError(describeJson(json));
  const body = json;
  const unreadableFields: string[] = [];

  /** A top-level scalar: its value when it has the expected type, else null (noted when present). */
  function field<T>(key: string, schema: z.ZodMiniType<T>): T | null {
    const value = body[key];
    if (value === undefined || value === null) return null;
    const result = z.safeParse(schema, value);
    if (result.success) return result.data;
    unreadableFields.push(key);
    return null;
  }
  const text = (key: string) => asText(field(key, idLike));

  return {
    id: text('id') ?? '',
    title: field('title', plainString)?.trim() || null,
    channel: field('channel', plainString) || null,
    isAiEnabled: field('isAiEnabled', plainBoolean),
    status: field('status', plainString) || null,
    priority: field('priority', plainString) || null,
    frustration: asPercentage(field('frustration', plainNumber)),
    unreadMessages: field('unreadMessagesCount', count) ?? null,
    blocked: field('blocked', plainBoolean),
    isGroup: field('isGroup', plainBoolean),
    lastHumanInteractionAt: field('lastHumanInteractionAt', dateTime),
    nps: {
      rating: field('npsRating', conversationShape.npsRating) ?? null,
      comment: field('npsComment', plainString)?.trim() || null,
      startedAt: field('npsStartedAt', dateTime),
      completedAt: field('npsCompletedAt', dateTime),
    },
    createdAt: field('createdAt', dateTime),
    updatedAt: field('updatedAt', dateTime),
    identifiers: {
      organizationId: text('organizationId'),
      agentId: text('agentId'),
      userId: text('userId'),
      visitorId: text('visitorId'),
      channelExternalId: text('channelExternalId'),
      channelCredentialsId: text('channelCredentialsId'),
      mailInboxId: text('mailInboxId'),
      formId: text('formId'),
      aiUserIdentifier: text('aiUserIdentifier'),
      whatsappChatLid: text('whatsappChatLid'),
    },
    unreadableFields,
    // The contract's names first; the docs page says `contacts`, `variables` and `contexts`.
    contacts: readSection(
      firstNonEmpty(body.participantsContacts, body.contacts),
      contactSchema,
      toContact,
    ),
    variables: readVariables(firstNonEmpty(body.conversationVariables, body.variables)),
    contexts: readSection(
      firstNonEmpty(body.conversationContexts, body.contexts),
      anyValue,
      toContext,
    ),
    ads: readSection(body.ctwaAttributions, adSchema, toAd),
    assignees: readSection(body.assignees, assigneeSchema, toAssignee),
    tags: readSection(body.tags, tagSchema, toTag),
    scenarioLinks: readSection(body.crmScenarioConversations, scenarioLinkSchema, toScenarioLink),
    metadata: body.metadata ?? null,
  };
}
