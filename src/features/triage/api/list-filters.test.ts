import { describe, expect, it } from 'vitest';
import {
  apiSearchParams,
  searchParamsFromView,
  statusesToFetch,
  viewFromSearchParams,
  walksToTheEnd,
} from './list-filters';

const view = (search: string) => viewFromSearchParams(new URLSearchParams(search));

describe('the triage view in the URL', () => {
  it('reads the statuses, the API filters, the order and the search text', () => {
    expect(
      view(
        'status=HUMAN_REQUESTED&priority=HIGH&channel=whatsapp&agentId=null&assigneeId=unassigned&unread=true&tag=vip&ai=disabled&frustrationMin=60&frustrationMax=100&npsRating=6&crmScenarioId=scn_1&crmStepId=stp_2&adSourceId=1202&createdAt=2026-11-01&endDate=2026-11-20 18:00&sort=frustrated&q=pedido',
      ),
    ).toEqual({
      statuses: 'HUMAN_REQUESTED',
      filters: {
        priority: 'HIGH',
        channel: 'whatsapp',
        agentId: 'null',
        assigneeId: 'unassigned',
        unread: 'true',
        tag: 'vip',
        ai: 'disabled',
        frustrationMin: '60',
        frustrationMax: '100',
        npsRating: '6',
        crmScenarioId: 'scn_1',
        crmStepId: 'stp_2',
        adSourceId: '1202',
        createdAt: '2026-11-01',
        endDate: '2026-11-20 18:00',
      },
      sort: 'frustrated',
      query: 'pedido',
    });
  });

  it('opens on the open queue, and knows every status and all of them', () => {
    expect(view('').statuses).toBe('open');
    expect(view('status=OPEN').statuses).toBe('open');
    expect(view('status=RESOLVED').statuses).toBe('RESOLVED');
    expect(view('status=all').statuses).toBe('all');
  });

  it.each([
    ['priority=urgent', {}],
    ['unread=yes', {}],
    ['ai=on', {}],
    ['frustrationMin=0.6', {}],
    ['frustrationMax=101', {}],
    ['npsRating=11', {}],
    ['crmStepId=stp_2', {}], // a step needs its scenario
    ['tag=' + 'x'.repeat(101), {}],
    ['createdAt=yesterday', {}],
    ['createdAt=2026-02-31x', {}],
    ['channel=<script>', {}],
    ['assigneeId=a b', {}],
    ['agentId=' + 'x'.repeat(200), {}],
    ['organizationId=org_1&limit=5000&cursor=x&apiKey=x', {}],
  ])('drops what is not a valid filter: %s', (search, filters) => {
    expect(view(search).filters).toEqual(filters);
  });

  it('falls back to “needs attention” for an unknown order', () => {
    expect(view('sort=random').sort).toBe('attention');
  });

  it('writes a view back without defaults', () => {
    const current = view('q=vip&sort=updated&status=RESOLVED&foo=bar&tag=vip');
    expect(searchParamsFromView(current).toString()).toBe(
      'status=RESOLVED&tag=vip&sort=updated&q=vip',
    );
    expect(searchParamsFromView(view('')).toString()).toBe('');
  });
});

describe('what the API is asked', () => {
  it('walks the open queue status by status, to the end, and resolved ones a page at a time', () => {
    expect(statusesToFetch('open')).toEqual(['HUMAN_REQUESTED', 'UNRESOLVED']);
    expect(statusesToFetch('all')).toEqual([undefined]);
    expect(statusesToFetch('RESOLVED')).toEqual(['RESOLVED']);
    expect(walksToTheEnd('open')).toBe(true);
    expect(walksToTheEnd('UNRESOLVED')).toBe(true);
    expect(walksToTheEnd('RESOLVED')).toBe(false);
    expect(walksToTheEnd('all')).toBe(false);
  });

  it('sends one status and the valid filters, frustration as 0–1', () => {
    const { filters } = view('frustrationMin=60&frustrationMax=100&tag=vip&q=pedido&sort=updated');
    expect(apiSearchParams('UNRESOLVED', filters).toString()).toBe(
      'status=UNRESOLVED&tag=vip&frustrationMin=0.6&frustrationMax=1',
    );
    expect(apiSearchParams(undefined, {}).toString()).toBe('');
  });
});
