/**
 * The tolerant reading of `ConversationDetailed`. Every field is untrusted: what leaves this module
 * is typed and normalised, and a malformed section is reported beside its data instead of failing
 * the whole conversation.
 */
import * as z from 'zod/mini';

import type {
  Assignee,
  Contact,
  Conversation,
  ScenarioLink,
  Section,
  Variable,
} from './conversation-model';

const maybeText = z.optional(z.nullable(z.string()));
const textOrNumber = z.optional(z.nullable(z.union([z.string(), z.number()])));
const idAndName = z.optional(z.nullable(z.object({ id: textOrNumber, name: maybeText })));

const contactSchema = z.object({
  id: textOrNumber,
  firstName: maybeText,
  lastName: maybeText,
  name: maybeText,
  fullName: maybeText,
  email: maybeText,
  phoneNumber: textOrNumber,
  phone: textOrNumber,
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
const plainBoolean = z.boolean();
const idLike = z.union([z.string(), z.number()]);
const anyValue = z.unknown();
const dateTime = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value))));

const asText = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? null : String(value);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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

const nameKeys = ['name', 'key', 'label', 'variable', 'id'] as const;

/** Variables are undocumented: accept `{ name|key, value }`, other objects, scalars, or a map. */
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
    const { [nameKey]: name, ...rest } = item;
    return { name: String(name), value: 'value' in rest ? rest.value : rest };
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
    frustration: field('frustration', plainNumber),
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
    },
    unreadableFields,
    // The docs name the list `contacts`; their example says `participantsContacts`.
    contacts: readSection(
      firstNonEmpty(body.participantsContacts, body.contacts),
      contactSchema,
      toContact,
    ),
    variables: readVariables(body.variables),
    contexts: readSection(body.contexts, anyValue, (item) => item),
    assignees: readSection(body.assignees, assigneeSchema, toAssignee),
    tags: readSection(body.tags, tagSchema, toTag),
    scenarioLinks: readSection(body.crmScenarioConversations, scenarioLinkSchema, toScenarioLink),
    metadata: body.metadata ?? null,
  };
}
