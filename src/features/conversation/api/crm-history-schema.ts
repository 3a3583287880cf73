/**
 * The tolerant reading of one page of `GET /crm/conversationLog`. Every field is untrusted: a
 * field of the wrong type reads as absent, and a log with no step to place it at is kept as
 * unreadable beside the others, never failing them.
 */
import * as z from 'zod/mini';
import type { Section } from '@/lib/conversation/conversation-model';
import type { CrmLog } from './crm-history-model';

/** Absent, null or the wrong type: all read as null. */
const orNull = <T extends z.ZodMiniType>(schema: T) => z.catch(z.nullable(schema), null);

const id = orNull(z.union([z.string(), z.number()]));
const text = orNull(z.string());
const dateTime = orNull(z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)))));

const logSchema = z.object({
  id,
  conversationId: id,
  scenarioId: id,
  stepId: id,
  status: text,
  createdAt: dateTime,
  updatedAt: dateTime,
  conversation: orNull(z.object({ id })),
  scenario: orNull(z.object({ id, name: text })),
  step: orNull(z.object({ id, index: orNull(z.int()) })),
});

const envelopeSchema = z.object({
  data: z.array(z.unknown()),
  pagination: orNull(z.object({ totalPages: orNull(z.int().check(z.nonnegative())) })),
});

const asText = (value: string | number | null) =>
  value === null || value === '' ? null : String(value);

/** A log, or null when it says no step at all: nothing to place on a timeline. */
function toLog(raw: unknown): CrmLog | null {
  const result = z.safeParse(logSchema, raw);
  if (!result.success) return null;
  const log = result.data;
  const stepId = asText(log.stepId) ?? asText(log.step?.id ?? null);
  const stepIndex = log.step?.index ?? null;
  if (stepId === null && stepIndex === null) return null;
  return {
    id: asText(log.id),
    conversationId: asText(log.conversationId) ?? asText(log.conversation?.id ?? null),
    scenario: {
      id: asText(log.scenarioId) ?? asText(log.scenario?.id ?? null),
      name: log.scenario?.name || null,
    },
    step: { id: stepId, index: stepIndex },
    status: log.status || null,
    createdAt: log.createdAt,
    updatedAt: log.updatedAt,
  };
}

export interface CrmHistoryPage {
  logs: Section<CrmLog>;
  /** How many entries the page held, readable or not. */
  received: number;
  /** As the API counts them; null when it did not say. */
  totalPages: number | null;
}

/** Thrown when the body is not a page of logs at all. */
export class NotACrmHistoryError extends Error {
  constructor() {
    super('Expected a page of CRM conversation logs');
    this.name = 'NotACrmHistoryError';
  }
}

/** Reads `{ data, pagination }`; a bare list of logs too, as one page that says no total. */
export function parseCrmHistoryPage(json: unknown): CrmHistoryPage {
  const envelope = z.safeParse(envelopeSchema, Array.isArray(json) ? { data: json } : json);
  if (!envelope.success) throw new NotACrmHistoryError();
  const { data, pagination } = envelope.data;
  const logs: Section<CrmLog> = { items: [], unreadable: [] };
  for (const raw of data) {
    const log = toLog(raw);
    if (log) logs.items.push(log);
    else logs.unreadable.push(raw);
  }
  return { logs, received: data.length, totalPages: pagination?.totalPages ?? null };
}
