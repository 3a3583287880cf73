import { describe, expect, it } from 'vitest';
import { apiSearchParams, searchParamsFromView, viewFromSearchParams } from './list-filters';

const view = (search: string) => viewFromSearchParams(new URLSearchParams(search));

describe('the triage view in the URL', () => {
  it('reads the API filters, the order and the search text', () => {
    expect(
      view(
        'status=HUMAN_REQUESTED&priority=HIGH&channel=whatsapp&agentId=null&assigneeId=user_1&unread=true&createdAt=2026-11-01&endDate=2026-11-20 18:00&sort=frustrated&q=pedido',
      ),
    ).toEqual({
      filters: {
        status: 'HUMAN_REQUESTED',
        priority: 'HIGH',
        channel: 'whatsapp',
        agentId: 'null',
        assigneeId: 'user_1',
        unread: 'true',
        createdAt: '2026-11-01',
        endDate: '2026-11-20 18:00',
      },
      sort: 'frustrated',
      query: 'pedido',
    });
  });

  it.each([
    ['status=OPEN', {}],
    ['priority=urgent', {}],
    ['unread=yes', {}],
    ['createdAt=yesterday', {}],
    ['createdAt=2026-02-31x', {}],
    ['channel=<script>', {}],
    ['assigneeId=a b', {}],
    ['agentId=' + 'x'.repeat(200), {}],
    ['organizationId=org_1&limit=5000&apiKey=x', {}],
  ])('drops what is not a valid filter: %s', (search, filters) => {
    expect(view(search).filters).toEqual(filters);
  });

  it('falls back to “needs attention” for an unknown order', () => {
    expect(view('sort=random').sort).toBe('attention');
  });

  it('writes a view back without defaults, and sends the API only its filters', () => {
    const current = view('q=vip&sort=updated&status=RESOLVED&foo=bar');
    expect(searchParamsFromView(current).toString()).toBe('status=RESOLVED&sort=updated&q=vip');
    expect(searchParamsFromView(view('')).toString()).toBe('');
    expect(apiSearchParams(current.filters).toString()).toBe('status=RESOLVED');
  });
});
