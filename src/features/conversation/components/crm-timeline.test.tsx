import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { beginFirstRender, endFirstRender } from '@/lib/first-render';
import { createTestQueryClient, renderApp } from '@/testing/render-app';
import { server } from '@/testing/server';
import type { ScenarioLink } from '@/lib/conversation/conversation-model';
import { crmHistoryQueries } from '../api/crm-history';
import type { CrmHistory } from '../api/crm-history-model';
import { CrmTimeline } from './crm-timeline';

const link = (scenario: string, step: string, at: string, available = true): ScenarioLink => ({
  available,
  scenario: { id: scenario, name: scenario },
  step: { id: step, name: step },
  createdAt: at,
  updatedAt: at,
});

const salesLinks = [
  link('Sales', 'Proposal', '2026-03-05T10:00:00Z'),
  link('Sales', 'Lead', '2026-03-01T10:00:00Z', false),
];

/** A log as the API sends it: the step by id and index only. */
const log = (
  id: string,
  scenario: string,
  step: string,
  index: number,
  status: string,
  at: string,
) => ({
  id,
  conversationId: 'conv_1',
  scenarioId: scenario,
  stepId: step,
  status,
  createdAt: at,
  updatedAt: at,
  scenario: { id: scenario, name: scenario },
  step: { id: step, index },
});

const salesHistory = [
  log('l4', 'Sales', 'Proposal', 2, 'active', '2026-03-05T10:00:00Z'),
  log('l3', 'Sales', 'Qualified', 1, 'error', '2026-03-03T10:00:00Z'),
  log('l2', 'Sales', 'Lead', 0, 'inactive', '2026-03-01T10:00:00Z'),
  log('l1', 'Support', 'New', 0, 'inactive', '2026-02-20T10:00:00Z'),
];

/** The history endpoint answers `answer` (the logs of one page, or a response of its own). */
function historyAnswers(answer: unknown[] | (() => Response | Promise<Response>)) {
  server.use(
    http.get('/api/crm/conversationLog', () =>
      typeof answer === 'function'
        ? answer()
        : HttpResponse.json({
            data: answer,
            pagination: { page: 1, limit: 100, total: answer.length, totalPages: 1 },
          }),
    ),
  );
}

const timelineOf = (links: ScenarioLink[], queryClient: QueryClient = createTestQueryClient()) => (
  <QueryClientProvider client={queryClient}>
    <CrmTimeline conversationId="conv_1" links={{ items: links, unreadable: [] }} />
  </QueryClientProvider>
);

/** The steps of one scenario, as their text reads. */
const stepsOf = (scenario: string) =>
  within(screen.getByRole('heading', { name: new RegExp(scenario) }).closest('li')!)
    .getAllByRole('listitem')
    .map((step) => step.textContent);

describe('CRM timeline', () => {
  it('orders each scenario’s steps in time and marks the latest as current', async () => {
    historyAnswers([]);
    render(
      timelineOf([
        link('Sales', 'Proposal', '2026-03-02T10:00:00Z'),
        link('Support', 'New', '2026-03-05T10:00:00Z'),
        link('Sales', 'Lead', '2026-03-01T10:00:00Z', false),
      ]),
    );
    expect(stepsOf('Sales')).toEqual([
      expect.stringMatching(/^Lead.*Not available/),
      expect.stringMatching(/^Proposal.*Current step/),
    ]);
    const sales = screen.getByRole('heading', { name: /Sales/ }).closest('li')!;
    expect(within(sales).getByRole('listitem', { current: 'step' })).toHaveTextContent('Proposal');
    const support = screen.getByRole('heading', { name: /Support/ }).closest('li')!;
    expect(within(support).getByRole('listitem', { current: 'step' })).toHaveTextContent('New');
    expect(await screen.findByRole('region', { name: 'CRM timeline' })).toBeVisible();
  });

  it('merges the history’s moves with the links in time order, naming steps from the links', async () => {
    historyAnswers(salesHistory);
    render(timelineOf(salesLinks));
    expect(await screen.findByText('Step 2')).toBeVisible();
    // The scenario entered first comes first: Support, which the conversation has left.
    expect(
      screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent),
    ).toEqual(['Support1 step', 'Sales3 steps']);
    expect(stepsOf('Support')).toEqual([expect.stringMatching(/^Step 1Inactive/)]);
    expect(stepsOf('Sales')).toEqual([
      expect.stringMatching(/^LeadInactiveNot available/),
      expect.stringMatching(/^Step 2Error/),
      expect.stringMatching(/^ProposalCurrent step/),
    ]);
    expect(screen.getByRole('listitem', { current: 'step' })).toHaveTextContent('Proposal');
    expect(
      within(screen.getByRole('region', { name: 'CRM timeline' })).getByText('4'),
    ).toBeVisible();
  });

  it('says in words which move ended in error', async () => {
    historyAnswers(salesHistory);
    render(timelineOf(salesLinks));
    const failedStep = (await screen.findByText('Step 2')).closest('li')!;
    expect(within(failedStep).getByText('Error')).toBeVisible();
    expect(within(failedStep).getByRole('time')).toHaveAttribute(
      'datetime',
      '2026-03-03T10:00:00.000Z',
    );
  });

  it('shows the links alone, with a quiet note, when the plan has no CRM (403)', async () => {
    historyAnswers(() => HttpResponse.json({ error: 'Forbidden' }, { status: 403 }));
    render(timelineOf(salesLinks));
    expect(
      await screen.findByText('CRM history is not available for this organization’s plan.'),
    ).toBeVisible();
    expect(stepsOf('Sales')).toEqual([
      expect.stringMatching(/^LeadNot available/),
      expect.stringMatching(/^ProposalCurrent step/),
    ]);
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('shows the links at once while the history loads', () => {
    historyAnswers(async () => {
      await delay('infinite');
      return HttpResponse.json({});
    });
    render(timelineOf(salesLinks));
    expect(stepsOf('Sales')).toEqual([
      expect.stringMatching(/^LeadNot available/),
      expect.stringMatching(/^ProposalCurrent step/),
    ]);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('says when the history failed, keeps the links, and retries on request', async () => {
    let failures = 1;
    historyAnswers(() =>
      failures-- > 0
        ? HttpResponse.json({ error: 'down' }, { status: 500 })
        : HttpResponse.json({ data: salesHistory, pagination: { totalPages: 1 } }),
    );
    const user = userEvent.setup();
    render(timelineOf(salesLinks));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'The CRM history could not be loaded.',
    );
    expect(stepsOf('Sales')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Step 2')).toBeVisible();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows a log it cannot read as received, beside the others', async () => {
    historyAnswers([{ id: 'l9', status: 'error' }, ...salesHistory]);
    render(timelineOf(salesLinks));
    expect(
      await screen.findByText('1 entry could not be read and is shown as received.'),
    ).toBeVisible();
    expect(screen.getByText('Step 2')).toBeVisible();
  });

  it('draws the links alone on the server and in the first render, then adds the history', async () => {
    historyAnswers(async () => {
      await delay('infinite');
      return HttpResponse.json({});
    });
    // The server never has the history; the browser may (here it does, from cache).
    beginFirstRender();
    const container = document.createElement('div');
    container.innerHTML = renderToString(timelineOf(salesLinks));
    document.body.append(container);
    expect(container).toHaveTextContent('Proposal');
    expect(container).not.toHaveTextContent('Step 2');
    const browserClient = createTestQueryClient();
    const cached: CrmHistory = {
      kind: 'available',
      logs: {
        items: [
          {
            id: 'l3',
            conversationId: 'conv_1',
            scenario: { id: 'Sales', name: 'Sales' },
            step: { id: 'Qualified', index: 1 },
            status: 'error',
            createdAt: '2026-03-03T10:00:00Z',
            updatedAt: null,
          },
        ],
        unreadable: [],
      },
    };
    browserClient.setQueryData(crmHistoryQueries.of('conv_1').queryKey, cached);
    const mismatch = vi.fn();
    try {
      await act(async () => {
        hydrateRoot(container, timelineOf(salesLinks, browserClient), {
          onRecoverableError: mismatch,
        });
        await Promise.resolve();
      });
      expect(await within(container).findByText('Step 2')).toBeVisible();
      expect(mismatch).not.toHaveBeenCalled();
    } finally {
      endFirstRender();
      container.remove();
    }
  });

  it('says when the conversation is in no scenario', () => {
    historyAnswers([]);
    render(timelineOf([]));
    expect(screen.getByText('Not linked to any CRM scenario.')).toBeVisible();
  });
});

describe('CRM timeline on a demo conversation’s page', () => {
  it('shows the demo history, two pages of it for the crowded conversation', async () => {
    renderApp('/conversations/conv_dash_crowded');
    const timeline = await screen.findByRole('region', { name: 'CRM timeline' });
    expect(await within(timeline).findByText('130')).toBeVisible();
    const erp = within(timeline).getByText('Integração ERP').closest('li')!;
    expect(within(erp).getByText('Error')).toBeVisible();
    expect(within(timeline).getByRole('heading', { name: /Monitoramento de SLA/ })).toBeVisible();
  });

  it('shows the links with the note when the organization’s plan has no CRM', async () => {
    renderApp('/conversations/conv_mail_Ab12');
    const timeline = await screen.findByRole('region', { name: 'CRM timeline' });
    expect(
      await within(timeline).findByText(
        'CRM history is not available for this organization’s plan.',
      ),
    ).toBeVisible();
    expect(within(timeline).getByRole('listitem', { current: 'step' })).toHaveTextContent(
      'Concluído',
    );
  });
});
