import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { formatDateTime, formatNumber, formatRelative } from '@/lib/format';
import { renderApp } from '@/testing/render-app';
import { applyLocale, preferredLocale } from './locale';

describe('language', () => {
  it('switches the whole page to Portuguese, with Intl formats, and remembers the choice', async () => {
    const { user } = renderApp('/conversations/conv_abc123');
    await screen.findByRole('heading', { level: 1, name: 'Customer X support' });
    expect(screen.getByRole('region', { name: 'Contacts' })).toBeVisible();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Português');

    expect(await screen.findByRole('region', { name: 'Contatos' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 1, name: 'Customer X support' })).toBeVisible();
    expect(screen.getByRole('region', { name: 'Linha do tempo do CRM' })).toBeVisible();
    expect(screen.getByText('Não resolvida')).toBeVisible();
    expect(screen.getByRole('navigation', { name: 'Principal' })).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Idioma' })).toHaveValue('pt-BR');
    expect(document.documentElement).toHaveAttribute('lang', 'pt-BR');
    expect(document.title).toBe('Customer X support · Visualizador de Conversas');
    // The timeline's date in Brazilian form: "20 de fev. de 2026".
    const timeline = screen.getByRole('region', { name: 'Linha do tempo do CRM' });
    expect(within(timeline).getAllByText(/de fev\. de 2026/).length).toBeGreaterThan(0);
    expect(localStorage.getItem('conversation-viewer:language')).toBe('pt-BR');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Idioma' }), 'English');
    expect(await screen.findByRole('region', { name: 'Contacts' })).toBeVisible();
    expect(document.documentElement).toHaveAttribute('lang', 'en');
  });

  it('opens in Portuguese when that is the language at start, every part of the page included', async () => {
    await applyLocale('pt-BR');
    renderApp('/conversations/conv_abc123');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Customer X support' }),
    ).toBeVisible();
    for (const panel of [
      'Contatos',
      'Variáveis',
      'Contextos',
      'Responsáveis',
      'Metadados',
      'Identificadores',
    ]) {
      expect(screen.getByRole('region', { name: panel })).toBeVisible();
    }
    expect(screen.getByText('Nenhuma variável foi coletada.')).toBeVisible();
    expect(screen.getByText('Organização')).toBeVisible();
    expect(screen.queryByText('Contacts')).not.toBeInTheDocument();
  });

  it('formats numbers, dates and relative times in the chosen locale', async () => {
    const date = new Date('2026-02-20T14:12:00.000Z');
    const now = date.getTime() + 3 * 60 * 60 * 1000;
    expect(formatNumber(5000)).toBe('5,000');
    expect(formatRelative(date, now)).toBe('3 hours ago');
    await applyLocale('pt-BR');
    expect(formatNumber(5000)).toBe('5.000');
    expect(formatRelative(date, now)).toBe('há 3 horas');
    expect(formatDateTime(date)).toMatch(/^20 de fev\. de 2026/);
  });

  it('starts in the language the agent chose, else the browser’s, else English', () => {
    expect(preferredLocale(['pt-BR', 'en-US'])).toBe('pt-BR');
    expect(preferredLocale(['pt-PT'])).toBe('pt-BR');
    expect(preferredLocale(['en-GB', 'pt-BR'])).toBe('en');
    expect(preferredLocale(['de-DE', 'fr'])).toBe('en');
    expect(preferredLocale([])).toBe('en');

    localStorage.setItem('conversation-viewer:language', 'en');
    expect(preferredLocale(['pt-BR'])).toBe('en');
    // Anything else kept there is somebody else's, and ignored.
    for (const foreign of ['klingon', '{"locale":"pt-BR"}', '', '__proto__']) {
      localStorage.setItem('conversation-viewer:language', foreign);
      expect(preferredLocale(['pt-BR']), foreign).toBe('pt-BR');
    }
  });

  it('still works when storage is refused', async () => {
    const refuse = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(refuse);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(refuse);
    try {
      expect(preferredLocale(['pt-BR'])).toBe('pt-BR');
      const { user } = renderApp('/conversations/conv_abc123');
      await screen.findByRole('heading', { level: 1, name: 'Customer X support' });
      await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Português');
      expect(await screen.findByRole('region', { name: 'Contatos' })).toBeVisible();
    } finally {
      vi.restoreAllMocks();
    }
  });
});
