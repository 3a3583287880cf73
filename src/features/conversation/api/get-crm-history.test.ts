import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { crmHistoryResponse } from '@/mocks/fixtures/crm-history';
import { server } from '@/testing/server';
import { fetchCrmHistory } from './get-crm-history';

const endpoint = '/api/crm/conversationLog';

/** Answers the history endpoint with `answer`, and records each request's query. */
function historyAnswers(answer: (query: URLSearchParams) => Response) {
  const asked: URLSearchParams[] = [];
  server.use(
    http.get(endpoint, ({ request }) => {
      const query = new URL(request.url).searchParams;
      asked.push(query);
      return answer(query);
    }),
  );
  return asked;
}

const log = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  conversationId: 'conv_1',
  scenarioId: 'scn_1',
  stepId: 'stp_1',
  status: 'active',
  createdAt: '2026-11-24T10:00:00.000Z',
  scenario: { id: 'scn_1', name: 'Sales' },
  step: { id: 'stp_1', index: 0 },
  ...extra,
});

const page = (data: unknown[], totalPages?: number) =>
  HttpResponse.json({
    data,
    pagination: { page: 1, limit: 100, total: data.length, totalPages },
  });

const logsOf = async (id: string) => {
  const history = await fetchCrmHistory(id);
  if (history.kind !== 'available') throw new Error(`no history: ${history.kind}`);
  return history.logs;
};

describe('fetchCrmHistory', () => {
  it('walks every page, a hundred logs at a time, up to totalPages', async () => {
    const asked = historyAnswers((query) => {
      const { status, body } = crmHistoryResponse(query);
      return HttpResponse.json(body, { status });
    });
    const logs = await logsOf('conv_dash_crowded');
    expect(asked.map((query) => query.toString())).toEqual([
      'conversationId=conv_dash_crowded&page=1&limit=100',
      'conversationId=conv_dash_crowded&page=2&limit=100',
    ]);
    expect(logs.items).toHaveLength(130);
    expect(new Set(logs.items.map((item) => item.id)).size).toBe(130);
    expect(logs.unreadable).toEqual([]);
  });

  it('stops on a page that brings no new log id, as from an API that ignores `page`', async () => {
    const asked = historyAnswers(() => page([log('a'), log('b')], 5));
    const logs = await logsOf('conv_1');
    expect(asked).toHaveLength(2);
    expect(logs.items.map((item) => item.id)).toEqual(['a', 'b']);
  });

  it('stops at the page cap however many pages the API announces', async () => {
    const asked = historyAnswers((query) => page([log(`log_${query.get('page')}`)], 1000));
    const logs = await logsOf('conv_1');
    expect(asked).toHaveLength(50);
    expect(logs.items).toHaveLength(50);
  });

  it('without a page count, asks on after a full page and stops after a short one', async () => {
    const asked = historyAnswers((query) =>
      query.get('page') === '1'
        ? HttpResponse.json(Array.from({ length: 100 }, (_, index) => log(`full_${index}`)))
        : HttpResponse.json({ data: [log('last')] }),
    );
    const logs = await logsOf('conv_1');
    expect(asked.map((query) => query.get('page'))).toEqual(['1', '2']);
    expect(logs.items).toHaveLength(101);
  });

  it('keeps a log it cannot read as received, and reads the others field by field', async () => {
    historyAnswers(() =>
      page(
        [
          42,
          { id: 'no_step', status: 'error' },
          log('odd', { status: 7, createdAt: 'yesterday', scenario: 'Sales', step: { index: 2 } }),
          log('other', { conversationId: 'conv_2' }),
        ],
        1,
      ),
    );
    const logs = await logsOf('conv_1');
    expect(logs.unreadable).toEqual([42, { id: 'no_step', status: 'error' }]);
    // Another conversation's log is left out.
    expect(logs.items).toEqual([
      {
        id: 'odd',
        conversationId: 'conv_1',
        scenario: { id: 'scn_1', name: null },
        step: { id: 'stp_1', index: 2 },
        status: null,
        createdAt: null,
        updatedAt: null,
      },
    ]);
  });

  it.each([402, 403])('resolves a %s as history unavailable on this plan', async (status) => {
    historyAnswers(() => HttpResponse.json({ error: 'Forbidden' }, { status }));
    await expect(fetchCrmHistory('conv_1')).resolves.toEqual({ kind: 'unavailable' });
  });

  it('resolves the demo organization without CRM as unavailable', async () => {
    await expect(fetchCrmHistory('conv_mail_Ab12')).resolves.toEqual({ kind: 'unavailable' });
  });

  it.each([
    [500, 'server'],
    [404, 'not-found'],
    [429, 'rate-limited'],
  ])('fails on a %s with the error kind %s', async (status, kind) => {
    historyAnswers(() => HttpResponse.json({ error: 'no' }, { status }));
    await expect(fetchCrmHistory('conv_1')).rejects.toEqual(
      expect.objectContaining({ kind, status }),
    );
  });

  it('fails as an invalid response when the body is not a page of logs', async () => {
    historyAnswers(() => HttpResponse.json({ data: 'none' }));
    const error: unknown = await fetchCrmHistory('conv_1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('invalid-response');
  });
});
