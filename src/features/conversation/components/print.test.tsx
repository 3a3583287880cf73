import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ScenarioLink, Variable } from '../api/conversation-schema';
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

const print = (event: 'beforeprint' | 'afterprint') =>
  act(() => void window.dispatchEvent(new Event(event)));

describe('printing a conversation', () => {
  it('prints every entry of long lists, then pages them again on screen', () => {
    render(
      <>
        <VariablesPanel variables={{ items: variables, unreadable: [] }} />
        <CrmTimeline links={{ items: links, unreadable: [] }} />
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
    render(<MetadataPanel metadata={{ plan: 'enterprise', seats: 12 }} />);
    expect(screen.queryByText(/"plan": "enterprise"/)).not.toBeInTheDocument();
    print('beforeprint');
    expect(screen.getByText(/"plan": "enterprise"/)).toBeInTheDocument();
  });
});
