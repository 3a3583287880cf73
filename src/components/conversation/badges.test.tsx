import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { applyLocale } from '@/features/language/locale';
import { FrustrationMeter } from './frustration-meter';
import { PriorityBadge } from './priority-badge';
import { StatusBadge } from './status-badge';

describe('status badge', () => {
  it.each([
    ['HUMAN_REQUESTED', 'Needs a human'],
    ['UNRESOLVED', 'Unresolved'],
    ['RESOLVED', 'Resolved'],
    ['ESCALATED', 'ESCALATED'],
  ])('says %s in words, named as the status for screen readers', (status, label) => {
    render(<StatusBadge status={status} />);
    expect(screen.getByText(label)).toHaveTextContent(`Status: ${label}`);
  });
});

describe('priority badge', () => {
  it('names known priorities and shows unknown ones as they come', () => {
    render(
      <>
        <PriorityBadge priority="HIGH" />
        <PriorityBadge priority="CRITICAL" />
        <PriorityBadge priority={null} />
      </>,
    );
    expect(screen.getByText('High priority')).toBeVisible();
    expect(screen.getByText('Priority: CRITICAL')).toBeVisible();
    expect(screen.getByText('No priority')).toBeVisible();
  });
});

describe('frustration meter', () => {
  it.each([
    [0, 'Calm'],
    [35, 'Mild'],
    [70, 'High'],
    [100, 'Severe'],
  ])('shows %i with the number and the word %s', (value, level) => {
    render(<FrustrationMeter value={value} />);
    const meter = screen.getByRole('meter', { name: 'Frustration' });
    expect(meter).toHaveAttribute('aria-valuenow', String(value));
    expect(meter).toHaveAttribute('aria-valuetext', `${value} of 100, ${level}`);
    expect(screen.getByText(`${value} · ${level}`)).toBeVisible();
  });

  it.each([
    [74_753_522, 'Out of range (74,753,522)'],
    [140, 'Out of range (140)'],
    [-0.2, 'Out of range (-0.2)'],
  ])('says %s is out of range, with no meter and no level', (value, words) => {
    render(<FrustrationMeter value={value} />);
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
    expect(screen.getByText(words)).toHaveTextContent(`Frustration: ${words}`);
    expect(screen.queryByText(/Severe|Calm/)).not.toBeInTheDocument();
  });

  it('names what is out of range in a list row too, where the label is otherwise hidden', () => {
    render(<FrustrationMeter value={-3} compact />);
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
    expect(screen.getByText('Frustration:')).toBeVisible();
    expect(screen.getByText('Out of range (-3)')).toBeVisible();
  });

  it('says it in Portuguese, the number as Portuguese writes it', async () => {
    await applyLocale('pt-BR');
    render(<FrustrationMeter value={74_753_522} />);
    expect(screen.getByText('Fora do intervalo (74.753.522)')).toHaveTextContent(
      'Frustração: Fora do intervalo (74.753.522)',
    );
  });

  it('keeps only the bar and the number in a list row, with the words for screen readers', () => {
    render(<FrustrationMeter value={81} compact />);
    expect(screen.getByRole('meter', { name: 'Frustration' })).toHaveAttribute(
      'aria-valuetext',
      '81 of 100, Severe',
    );
    expect(screen.getByText('81')).toBeVisible();
    expect(screen.queryByText(/Severe/)).not.toBeInTheDocument();
  });

  it('says when frustration was not measured', () => {
    render(<FrustrationMeter value={null} />);
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
    expect(screen.getByText('Not measured')).toHaveTextContent('Frustration: Not measured');
  });
});
