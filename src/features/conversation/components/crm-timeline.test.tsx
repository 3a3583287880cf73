import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ScenarioLink } from '@/lib/conversation/conversation-model';
import { CrmTimeline } from './crm-timeline';

const link = (scenario: string, step: string, at: string, available = true): ScenarioLink => ({
  available,
  scenario: { id: scenario, name: scenario },
  step: { id: step, name: step },
  createdAt: at,
  updatedAt: at,
});

describe('CRM timeline', () => {
  it('orders each scenario’s steps in time and marks the latest as current', () => {
    render(
      <CrmTimeline
        links={{
          items: [
            link('Sales', 'Proposal', '2026-03-02T10:00:00Z'),
            link('Support', 'New', '2026-03-05T10:00:00Z'),
            link('Sales', 'Lead', '2026-03-01T10:00:00Z', false),
          ],
          unreadable: [],
        }}
      />,
    );
    const sales = screen.getByRole('heading', { name: /Sales/ }).closest('li')!;
    const steps = within(sales).getAllByRole('listitem');
    expect(steps.map((step) => step.textContent)).toEqual([
      expect.stringMatching(/^Lead.*Not available/),
      expect.stringMatching(/^Proposal.*Current step/),
    ]);
    expect(within(sales).getByRole('listitem', { current: 'step' })).toHaveTextContent('Proposal');
    const support = screen.getByRole('heading', { name: /Support/ }).closest('li')!;
    expect(within(support).getByRole('listitem', { current: 'step' })).toHaveTextContent('New');
  });

  it('says when the conversation is in no scenario', () => {
    render(<CrmTimeline links={{ items: [], unreadable: [] }} />);
    expect(screen.getByText('Not linked to any CRM scenario.')).toBeVisible();
  });
});
