import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '@/testing/render-app';

const openConversation = async (id: string, title: string) => {
  const view = renderApp(`/conversations/${id}`);
  await screen.findByRole('heading', { level: 1, name: title });
  return view;
};

// What the API's contract carries beyond the docs page, on the demo conversations that have it.
describe('the conversation page shows what the contract carries', () => {
  it('shows unread messages, frustration on 0–100, variables, contexts and the ad', async () => {
    const { container } = await openConversation('conv_wa_7Hk2pQ', 'Pedido #48213 não chegou');
    expect(screen.getByText('2 unread messages')).toBeVisible();
    const meter = screen.getByRole('meter', { name: 'Frustration' });
    expect(meter).toHaveAttribute('aria-valuenow', '100');

    const variables = screen.getByRole('region', { name: 'Variables' });
    expect(within(variables).getByText('pedido')).toBeVisible();
    expect(within(variables).getByText('48213')).toBeVisible();
    const contexts = screen.getByRole('region', { name: 'Contexts' });
    expect(
      within(contexts).getByText('Cliente pediu para falar com um atendente humano três vezes.'),
    ).toBeVisible();

    const ad = screen.getByRole('region', { name: 'Came from an ad' });
    expect(within(ad).getByText('Frete grátis na Black Friday')).toBeVisible();
    const adLink = within(ad).getByRole('link', { name: /Open the ad/ });
    expect(adLink).toHaveAttribute('href', 'https://fb.me/2kQbLfGx9');
    expect(adLink).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(ad).getByRole('link', { name: /Open its image/ })).toHaveAttribute(
      'href',
      'https://scontent.xx.fbcdn.net/v/t45.1600-4/black-friday.jpg',
    );
    // Nothing from another host is loaded by the page itself.
    expect(container.querySelector('img')).toBeNull();
  });

  it('dials the API’s bare-digit phone numbers with their country code, and links the picture', async () => {
    await openConversation('conv_wa_7Hk2pQ', 'Pedido #48213 não chegou');
    const contacts = screen.getByRole('region', { name: 'Contacts' });
    expect(within(contacts).getByRole('link', { name: '+55 11 98765-4321' })).toHaveAttribute(
      'href',
      'tel:+5511987654321',
    );
    expect(within(contacts).getByText('5511987654321@s.whatsapp.net')).toBeVisible();
    expect(within(contacts).getByRole('link', { name: /Picture/ })).toHaveAttribute(
      'href',
      'https://pps.whatsapp.net/v/t61.24694-24/carla-mendes.jpg',
    );
    expect(within(contacts).getByText('clienteDesde')).toBeVisible();
  });

  it('shows the NPS answer with its band and comment', async () => {
    await openConversation('conv_mail_Ab12', 'Nota fiscal do pedido #47002');
    const nps = screen.getByRole('region', { name: 'NPS survey' });
    expect(within(nps).getByText('6 of 10')).toBeVisible();
    expect(within(nps).getByText('Detractor')).toBeVisible();
    expect(within(nps).getByText(/o XML demorou dois dias/)).toBeVisible();
    expect(within(nps).getByText('Answered')).toBeVisible();
  });

  it('says when the survey went out and is not answered, and marks a group chat', async () => {
    await openConversation(
      'conv_dash_crowded',
      'Implantação do chatbot para a rede de farmácias Vida+ (42 lojas)',
    );
    const nps = screen.getByRole('region', { name: 'NPS survey' });
    expect(within(nps).getByText('Sent; not answered yet.')).toBeVisible();
    expect(screen.getByText('Group chat')).toBeVisible();
  });

  it('shows the last human interaction, relative and exact', async () => {
    await openConversation('conv_tg_5512', 'Cobrança duplicada no cartão');
    const label = screen.getByText('Last human interaction');
    expect(label.parentElement).toHaveTextContent(
      /^Last human interaction \S.+ \(Nov 25, 2026, 4:40 AM\)$/,
    );
  });

  it('shows a small metadata object as rows, without opening the JSON', async () => {
    await openConversation('conv_tg_5512', 'Cobrança duplicada no cartão');
    const metadata = screen.getByRole('region', { name: 'Metadata' });
    expect(within(metadata).getByRole('term')).toHaveTextContent('chatType');
    expect(within(metadata).getByRole('definition')).toHaveTextContent('private');
  });

  it('shows no NPS or ad panel when the conversation has neither', async () => {
    await openConversation('conv_abc123', 'Customer X support');
    expect(screen.queryByRole('region', { name: 'NPS survey' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Came from an ad' })).toBeNull();
  });
});
