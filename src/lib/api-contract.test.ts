import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { demoConversations, offContractDemoIds } from '@/mocks/fixtures/demo-conversations';
import { exampleConversation } from '@/mocks/fixtures/example-conversation';
import { generatedConversations } from '@/mocks/fixtures/generated-conversations';
import { transcriptResponse } from '@/mocks/fixtures/transcripts';
import {
  actConversation,
  listItems,
  liveConversation,
  liveMessagesAnswer,
} from '../../e2e/support/stub-fixtures';
import { crmHistoryResponse } from '@/mocks/fixtures/crm-history';
import { conversationContract, crmHistoryPageContract, messagesContract } from './api-contract';

/** Where a value breaks the contract, one line per field: empty when it keeps it. */
function breaches(schema: z.ZodMiniType, value: unknown): string[] {
  const result = z.safeParse(schema, value);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const onContract = Object.entries(demoConversations).filter(
  ([id]) => !offContractDemoIds.includes(id),
);

// The demo handlers, the end-to-end stub and the bench upstream all answer from these.
describe('fixtures keep the API contract', () => {
  it.each(onContract)('demo conversation %s', (_, conversation) => {
    expect(breaches(conversationContract, conversation)).toEqual([]);
  });

  it.each(onContract)('the transcript of %s', (_, conversation) => {
    const owner = conversation as { id: string };
    expect(breaches(messagesContract, transcriptResponse(owner, 1_000))).toEqual([]);
  });

  it('the 5,990 generated conversations of the triage list', () => {
    const generated = generatedConversations();
    expect(
      generated.flatMap((conversation) => breaches(conversationContract, conversation)),
    ).toEqual([]);
  });

  it("the bench upstream's visits: the docs example under new ids", () => {
    const visit = { ...exampleConversation, id: 'echo:7', title: 'Echo echo:7' };
    expect(breaches(conversationContract, visit)).toEqual([]);
  });

  it("the end-to-end stub's conversation, list and transcript", () => {
    for (const conversation of [liveConversation, ...listItems]) {
      expect(breaches(conversationContract, conversation)).toEqual([]);
    }
    expect(breaches(messagesContract, liveMessagesAnswer(60))).toEqual([]);
  });

  it("the end-to-end stub's conversations of the write tests, assigned or not", () => {
    for (const id of ['act_x1', 'act_free_x1']) {
      const conversation = actConversation(id, '2026-12-01T09:30:00.000Z');
      expect(breaches(conversationContract, conversation)).toEqual([]);
    }
  });

  it.each(onContract.map(([id]) => id))('the CRM history of %s, page by page', (id) => {
    for (let page = 1; page <= 3; page += 1) {
      const query = new URLSearchParams({ conversationId: id, page: String(page), limit: '100' });
      const answer = crmHistoryResponse(query);
      if (answer.status === 200) expect(breaches(crmHistoryPageContract, answer.body)).toEqual([]);
    }
  });

  // The check has teeth: the docs page's names and older shapes are off the contract.
  it.each(offContractDemoIds)('finds what %s keeps in older shapes', (id) => {
    expect(breaches(conversationContract, demoConversations[id])).not.toEqual([]);
  });
});
