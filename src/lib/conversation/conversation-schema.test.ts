import { describe, expect, it } from 'vitest';
import { demoConversations } from '@/mocks/fixtures/demo-conversations';
import { NotAConversationError, parseConversation } from './conversation-schema';

const parse = (fields: Record<string, unknown>) => parseConversation({ id: 'conv_1', ...fields });

describe('parseConversation', () => {
  it.each(Object.keys(demoConversations))('reads the demo conversation %s', (id) => {
    expect(parseConversation(demoConversations[id]).id).toBe(id);
  });

  it('reads the documented example value for value', () => {
    const conversation = parseConversation(demoConversations.conv_abc123);
    expect(conversation).toMatchObject({
      id: 'conv_abc123',
      title: 'Customer X support',
      status: 'UNRESOLVED',
      createdAt: '2026-02-20T14:12:00.000Z',
      updatedAt: '2026-02-21T09:30:00.000Z',
      unreadableFields: [],
    });
    expect(conversation.contacts).toEqual({
      items: [
        {
          id: null,
          name: 'John',
          email: 'john@example.com',
          phone: '+5511999999999',
          externalId: null,
          pictureHref: null,
          metadata: null,
        },
      ],
      unreadable: [],
    });
    expect(conversation.assignees).toEqual({
      items: [{ id: 'user_xyz', name: 'Agent 1', email: 'agent1@example.com' }],
      unreadable: [],
    });
    expect(conversation.scenarioLinks).toEqual({
      items: [
        {
          available: true,
          scenario: { id: 'scenario_1', name: 'Onboarding - New Lead' },
          step: { id: 'step_2', name: 'Initial contact' },
          createdAt: '2026-02-20T14:15:00.000Z',
          updatedAt: '2026-02-20T14:15:00.000Z',
        },
      ],
      unreadable: [],
    });
    expect(conversation.tags).toEqual({ items: ['high-priority'], unreadable: [] });
  });

  it('accepts contacts under `contacts` as well as `participantsContacts`', () => {
    const contact = { firstName: 'Diego', lastName: 'Ferreira', phoneNumber: '21988776655' };
    const expected = [
      {
        id: null,
        name: 'Diego Ferreira',
        email: null,
        phone: '21988776655',
        externalId: null,
        pictureHref: null,
        metadata: null,
      },
    ];
    expect(parse({ contacts: [contact] }).contacts.items).toEqual(expected);
    expect(parse({ participantsContacts: [contact] }).contacts.items).toEqual(expected);
    expect(parse({ participantsContacts: [], contacts: [contact] }).contacts.items).toEqual(
      expected,
    );
  });

  it('turns missing fields and arrays into nulls and empty sections', () => {
    const conversation = parseConversation({ id: 'conv_bare' });
    const empty = { items: [], unreadable: [] };
    expect(conversation).toMatchObject({
      title: null,
      status: null,
      priority: null,
      frustration: null,
      metadata: null,
      unreadableFields: [],
      contacts: empty,
      variables: empty,
      contexts: empty,
      assignees: empty,
      tags: empty,
      scenarioLinks: empty,
    });
  });

  it('keeps status and priority values it does not know as they are', () => {
    const conversation = parse({ status: 'SNOOZED', priority: 'URGENT' });
    expect(conversation.status).toBe('SNOOZED');
    expect(conversation.priority).toBe('URGENT');
    expect(conversation.unreadableFields).toEqual([]);
  });

  it('reads assignees nested under `user` and flat', () => {
    const { assignees } = parse({
      assignees: [
        { user: { id: 'user_1', name: 'Agent 1', email: 'agent1@example.com' } },
        { id: 'user_2', email: 'user2@example.com' },
        { user: null, id: 'user_3', name: 'Agent 3' },
      ],
    });
    expect(assignees.items).toEqual([
      { id: 'user_1', name: 'Agent 1', email: 'agent1@example.com' },
      { id: 'user_2', name: null, email: 'user2@example.com' },
      { id: 'user_3', name: 'Agent 3', email: null },
    ]);
  });

  it('reads tags given as `{ tag }` objects and as plain strings', () => {
    expect(parse({ tags: [{ tag: 'vip' }, 'enterprise'] }).tags).toEqual({
      items: ['vip', 'enterprise'],
      unreadable: [],
    });
  });

  it('sets aside a section that is not a list, and keeps the rest', () => {
    const conversation = parse({
      participantsContacts: 'Maria da Silva <maria@example.com>',
      tags: [{ tag: 'api' }],
    });
    expect(conversation.contacts).toEqual({
      items: [],
      unreadable: ['Maria da Silva <maria@example.com>'],
    });
    expect(conversation.tags.items).toEqual(['api']);
  });

  it('sets aside a bad item and keeps the good ones beside it', () => {
    const conversation = parse({
      assignees: [{ user: { id: 'user_ok', name: 'Valid' } }, 42],
      tags: [{ tag: 'api' }, { label: 12 }],
      crmScenarioConversations: [{ available: 'maybe', scenario: 'Sales' }],
    });
    expect(conversation.assignees).toEqual({
      items: [{ id: 'user_ok', name: 'Valid', email: null }],
      unreadable: [42],
    });
    expect(conversation.tags).toEqual({ items: ['api'], unreadable: [{ label: 12 }] });
    expect(conversation.scenarioLinks).toEqual({
      items: [],
      unreadable: [{ available: 'maybe', scenario: 'Sales' }],
    });
  });

  it('lists scalar fields of the wrong type and reads them as null', () => {
    const conversation = parse({
      title: 'Still here',
      isAiEnabled: 'yes',
      frustration: '42',
      channel: 7,
    });
    expect(conversation.unreadableFields).toEqual(['channel', 'isAiEnabled', 'frustration']);
    expect(conversation).toMatchObject({
      title: 'Still here',
      isAiEnabled: null,
      frustration: null,
      channel: null,
    });
  });

  it.each([
    [[], 'a list'],
    ['conv_abc123', 'a string'],
    [null, 'null'],
    [42, 'a number'],
  ])('refuses %j as not a conversation', (body, received) => {
    expect(() => parseConversation(body)).toThrow(NotAConversationError);
    expect(() => parseConversation(body)).toThrow(`received ${received}`);
  });

  describe('variables', () => {
    const variablesOf = (variables: unknown) => parse({ variables }).variables;

    it('reads `{ name, value }` and `{ key, value }` pairs', () => {
      expect(
        variablesOf([
          { name: 'pedido', value: '48213' },
          { key: 'cartao', value: { final: '4242' } },
        ]).items,
      ).toEqual([
        { name: 'pedido', value: '48213' },
        { name: 'cartao', value: { final: '4242' } },
      ]);
    });

    it('keeps nameless objects and scalars whole, without a name', () => {
      expect(variablesOf([{ source: 'crm' }, 'loose text', 3, null]).items).toEqual([
        { name: '', value: { source: 'crm' } },
        { name: '', value: 'loose text' },
        { name: '', value: 3 },
        { name: '', value: null },
      ]);
    });

    it('keeps the other fields as the value when a named object has no `value`', () => {
      expect(variablesOf([{ label: 'plano', current: 'Pro', since: 2024 }]).items).toEqual([
        { name: 'plano', value: { current: 'Pro', since: 2024 } },
      ]);
    });

    it('reads a plain object as a map of names to values', () => {
      expect(variablesOf({ origem: 'api', tentativa: 3 })).toEqual({
        items: [
          { name: 'origem', value: 'api' },
          { name: 'tentativa', value: 3 },
        ],
        unreadable: [],
      });
    });
  });
});

describe('parseConversation, the contract’s fields', () => {
  it('reads `conversationVariables` and `conversationContexts`, before the docs page’s names', () => {
    const conversation = parse({
      conversationVariables: [
        { conversationId: 'conv_1', varName: 'pedido', varValue: '48213' },
        { conversationId: 'conv_1', varName: 'cidade', varValue: null },
      ],
      variables: [{ name: 'ignored', value: 'the contract’s name wins' }],
      conversationContexts: [{ context: 'Pediu um humano.', updatedAt: '2026-11-25T05:58:00Z' }],
    });
    expect(conversation.variables.items).toEqual([
      { name: 'pedido', value: '48213' },
      { name: 'cidade', value: null },
    ]);
    expect(conversation.contexts.items).toEqual([
      { value: 'Pediu um humano.', updatedAt: '2026-11-25T05:58:00Z' },
    ]);
    expect(parse({ contexts: ['older text'] }).contexts.items).toEqual([
      { value: 'older text', updatedAt: null },
    ]);
  });

  it.each([
    [0.64, 64],
    [0, 0],
    [1, 100],
    [35, 35], // older material: already a percentage
  ])('reads frustration %s as %s out of 100', (frustration, percent) => {
    expect(parse({ frustration }).frustration).toBeCloseTo(percent);
  });

  it.each([-0.2, 140, 74_753_522])(
    'keeps frustration %s, outside both scales, as received for the page to say so',
    (frustration) => {
      const conversation = parse({ frustration });
      expect(conversation.frustration).toBe(frustration);
      expect(conversation.unreadableFields).toEqual([]);
    },
  );

  it('reads unread messages, a blocked contact, a group, the last human interaction and NPS', () => {
    expect(
      parse({
        unreadMessagesCount: 3,
        blocked: true,
        isGroup: false,
        lastHumanInteractionAt: '2026-11-25T04:40:00.000Z',
        npsRating: 6,
        npsComment: '  Demorou.  ',
        npsStartedAt: '2026-11-11T16:31:00.000Z',
        npsCompletedAt: '2026-11-12T08:05:00.000Z',
      }),
    ).toMatchObject({
      unreadMessages: 3,
      blocked: true,
      isGroup: false,
      lastHumanInteractionAt: '2026-11-25T04:40:00.000Z',
      nps: {
        rating: 6,
        comment: 'Demorou.',
        startedAt: '2026-11-11T16:31:00.000Z',
        completedAt: '2026-11-12T08:05:00.000Z',
      },
    });
    const odd = parse({ unreadMessagesCount: -1, npsRating: 11 });
    expect(odd).toMatchObject({ unreadMessages: null, nps: { rating: null } });
    expect(odd.unreadableFields).toEqual(['unreadMessagesCount', 'npsRating']);
  });

  it('reads the ad a contact came from, linking only http(s) and its image only over https', () => {
    const ads = parse({
      ctwaAttributions: [
        {
          sourceType: 'ad',
          sourceId: '1202',
          headline: 'Frete grátis',
          body: 'Só até domingo.',
          sourceUrl: 'https://fb.me/x',
          imageUrl: 'https://scontent.example/ad.jpg',
          mediaType: 'image',
          clickedAt: '2026-11-24T22:40:51.000Z',
        },
        {
          headline: 'Sem links seguros',
          sourceUrl: 'javascript:alert(1)',
          thumbnailUrl: 'http://plain.example/ad.jpg',
        },
      ],
    }).ads;
    expect(ads.items).toEqual([
      {
        headline: 'Frete grátis',
        body: 'Só até domingo.',
        href: 'https://fb.me/x',
        imageHref: 'https://scontent.example/ad.jpg',
        mediaType: 'image',
        sourceId: '1202',
        clickedAt: '2026-11-24T22:40:51.000Z',
      },
      expect.objectContaining({ headline: 'Sem links seguros', href: null, imageHref: null }),
    ]);
  });

  it('reads an ad or a context with a null where the contract says never, instead of dropping it', () => {
    const conversation = parse({
      ctwaAttributions: [{ headline: 'Frete grátis', sourceId: null, clickedAt: null }],
      conversationContexts: [{ context: 'Pediu um humano.', updatedAt: null }],
    });
    expect(conversation.ads).toEqual({
      items: [expect.objectContaining({ headline: 'Frete grátis', sourceId: null })],
      unreadable: [],
    });
    expect(conversation.contexts.items).toEqual([{ value: 'Pediu um humano.', updatedAt: null }]);
  });

  it('reads a contact’s external id, metadata and picture (https only)', () => {
    const [withPicture, plainHttp] = parse({
      participantsContacts: [
        {
          firstName: 'Carla',
          phoneNumber: '5511987654321',
          externalId: '5511987654321@s.whatsapp.net',
          picture: 'https://pps.whatsapp.net/carla.jpg',
          metadata: { cidade: 'Campinas' },
        },
        { firstName: 'Rui', picture: 'http://insecure.example/rui.jpg' },
      ],
    }).contacts.items;
    expect(withPicture).toEqual({
      id: null,
      name: 'Carla',
      email: null,
      phone: '5511987654321',
      externalId: '5511987654321@s.whatsapp.net',
      pictureHref: 'https://pps.whatsapp.net/carla.jpg',
      metadata: { cidade: 'Campinas' },
    });
    expect(plainHttp?.pictureHref).toBeNull();
  });
});
