import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createTestQueryClient } from '@/testing/render-app';
import type { ScenarioLink, Variable } from '@/lib/conversation/conversation-model';
import { CrmTimeline } from './crm-timeline';
import { MetadataPanel } from './metadata-panel';
import { VariablesPanel } from './variables-panel';

const variables: Variable[] = Array.from({ length: 250 }, (_, index) => ({
  name: `field_${index}`,
  value: index,
}));

const links: ScenarioLink[] = Array.from({ length: 12 }, (_, index) => ({
  available: true,
  scenario: { id: 'sales', name: 'Sales' },
  step: { id: `s${index}`, name: `Step ${index + 1}` },
  createdAt: new Date(Date.UTC(2026, 0, index + 1)).toISOString(),
  updatedAt: null,
}));

/** The timeline of a conversation whose CRM history holds nothing more than its links. */
const crmTimeline = () => (
  <QueryClientProvider client={createTestQueryClient()}>
    <CrmTimeline conversationId="conv_without_history" links={{ items: links, unreadable: [] }} />
  </QueryClientProvider>
);

describe('a long list of variables', () => {
  it('shows a page at a time, and the filter searches all of them', async () => {
    const user = userEvent.setup();
    render(<VariablesPanel variables={{ items: variables, unreadable: [] }} />);
    const panel = screen.getByRole('region', { name: 'Variables' });
    expect(within(panel).getAllByRole('term')).toHaveLength(100);

    await user.click(within(panel).getByRole('button', { name: 'Show 100 more (150 not shown)' }));
    expect(within(panel).getAllByRole('term')).toHaveLength(200);
    await user.click(within(panel).getByRole('button', { name: 'Show 50 more (50 not shown)' }));
    expect(within(panel).getAllByRole('term')).toHaveLength(250);
    expect(within(panel).queryByRole('button', { name: /Show .* more/ })).not.toBeInTheDocument();

    await user.type(
      within(panel).getByRole('searchbox', { name: 'Filter variables' }),
      'field_249',
    );
    expect(await within(panel).findByText('1 of 250')).toBeVisible();
    expect(within(panel).getByRole('term')).toHaveTextContent('field_249');
  });
});

describe('filtering variables', () => {
  it('matches names and values whatever their case, and takes any character literally', async () => {
    const user = userEvent.setup();
    render(
      <VariablesPanel
        variables={{
          items: [
            ...variables.slice(0, 20),
            { name: 'pedido', value: 'Entrega ATRASADA (2 dias)' },
            { name: 'carrinho', value: { itens: ['Caneca', 'Camiseta'] } },
          ],
          unreadable: [],
        }}
      />,
    );
    const panel = screen.getByRole('region', { name: 'Variables' });
    const box = within(panel).getByRole('searchbox', { name: 'Filter variables' });

    await user.type(box, 'atrasada (2');
    expect(await within(panel).findByText('1 of 22')).toBeVisible();
    expect(within(panel).getByRole('term')).toHaveTextContent('pedido');

    await user.clear(box);
    await user.type(box, 'CAMISETA');
    expect(await within(panel).findByText('1 of 22')).toBeVisible();
    expect(within(panel).getByRole('term')).toHaveTextContent('carrinho');

    await user.clear(box);
    await user.type(box, 'FIELD_1');
    // field_1 and field_10 … field_19
    expect(await within(panel).findByText('11 of 22')).toBeVisible();

    await user.clear(box);
    await user.type(box, '.*');
    expect(await within(panel).findByText('No variable matches “.*”.')).toBeVisible();
  });
});

describe('a scenario with a long history', () => {
  it('shows the latest steps with the current one, and the earlier ones on request', async () => {
    const user = userEvent.setup();
    render(crmTimeline());
    const timeline = screen.getByRole('region', { name: 'CRM timeline' });
    const steps = () =>
      within(timeline)
        .getAllByRole('listitem')
        .filter((item) => /^Step/.test(item.textContent ?? ''));
    expect(steps()).toHaveLength(5);
    expect(within(timeline).getByRole('listitem', { current: 'step' })).toHaveTextContent(
      'Step 12',
    );

    await user.click(within(timeline).getByRole('button', { name: 'Show 7 earlier steps' }));
    expect(steps()).toHaveLength(12);
    expect(steps()[0]).toHaveTextContent('Step 1');
  });
});

const print = (event: 'beforeprint' | 'afterprint') =>
  act(() => void window.dispatchEvent(new Event(event)));

describe('printing a conversation', () => {
  it('prints every entry of long lists, then pages them again on screen', () => {
    render(
      <>
        <VariablesPanel variables={{ items: variables, unreadable: [] }} />
        {crmTimeline()}
      </>,
    );
    const panel = screen.getByRole('region', { name: 'Variables' });
    const timeline = screen.getByRole('region', { name: 'CRM timeline' });
    const steps = () => within(timeline).queryAllByText(/^Step \d+$/);
    expect(within(panel).getAllByRole('term')).toHaveLength(100);
    expect(steps()).toHaveLength(5);

    print('beforeprint');
    expect(within(panel).getAllByRole('term')).toHaveLength(250);
    expect(within(panel).getByText('field_249')).toBeInTheDocument();
    expect(steps()).toHaveLength(12);
    expect(screen.queryByRole('button', { name: /Show/ })).not.toBeInTheDocument();

    print('afterprint');
    expect(within(panel).getAllByRole('term')).toHaveLength(100);
    expect(steps()).toHaveLength(5);
  });

  it('prints the metadata that the screen keeps folded', () => {
    render(<MetadataPanel metadata={{ account: { plan: 'enterprise' }, seats: 12 }} />);
    expect(screen.queryByText(/"plan": "enterprise"/)).not.toBeInTheDocument();
    print('beforeprint');
    expect(screen.getByText(/"plan": "enterprise"/)).toBeInTheDocument();
  });
});
