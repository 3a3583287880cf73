import { describe, expect, it } from 'vitest';
import { createConversationWrites, type SeedNote } from './conversation-writes';

const bruna = { id: 'user_bruna', name: 'Bruna Lima', email: 'bruna@acme.test' };
const caio = { id: 'user_caio', name: 'Caio Reis', email: 'caio@acme.test' };
const owner = { id: 'user_owner', email: 'owner@acme.test' };
const at = '2026-12-01T09:30:00.000Z';

function setUp(seedNotes: SeedNote[] = []) {
  const writes = createConversationWrites({
    organizationId: 'org_1',
    members: [bruna, caio],
    keyOwner: owner,
    seedNotes,
    now: () => new Date(at),
  });
  const conversation: Record<string, unknown> = {
    id: 'conv_1',
    status: 'HUMAN_REQUESTED',
    priority: 'MEDIUM',
    isAiEnabled: true,
    updatedAt: '2026-11-30T08:00:00.000Z',
    assignees: [{ user: bruna }],
  };
  return { writes, conversation };
}

const invalidRequest = { error: 'INVALID_REQUEST', details: expect.any(String) as string };

describe('the conversation writes, as the contract answers them', () => {
  it.each([
    ['set-status', { status: 'RESOLVED' }, { status: 'RESOLVED' }, 'Conversation Status changed.'],
    ['set-priority', { priority: 'HIGH' }, { priority: 'HIGH' }, 'Conversation Priority changed.'],
    ['set-ai-enabled', { enabled: false }, { isAiEnabled: false }, 'AI is Off.'],
    ['set-ai-enabled', { enabled: true }, { isAiEnabled: true }, 'AI is On.'],
  ])('%s %j changes the conversation and says so', (action, body, changed, message) => {
    const { writes, conversation } = setUp();
    expect(writes.write(conversation, action, body)).toEqual({
      status: 200,
      body: { success: true, message },
    });
    expect(conversation).toMatchObject({ ...changed, updatedAt: at });
  });

  it.each([
    ['set-status', { status: 'SNOOZED' }],
    ['set-status', {}],
    ['set-priority', { priority: 'high' }],
    ['set-ai-enabled', { enabled: 'false' }],
    ['set-ai-enabled', undefined],
    ['assign', {}],
    ['assign', { email: bruna.email, id: bruna.id }],
    ['assign', { email: 42 }],
    ['assign', { email: caio.email, force: 'yes' }],
    ['notes', { note: '' }],
    ['notes', { note: 'x'.repeat(501) }],
    ['notes', { note: 'Ok', isPrivate: 'true' }],
  ])('%s %j is refused as invalid, changing nothing', (action, body) => {
    const { writes, conversation } = setUp();
    const before = structuredClone(conversation);
    expect(writes.write(conversation, action, body)).toEqual({ status: 400, body: invalidRequest });
    expect(conversation).toEqual(before);
    expect(writes.readNotes(conversation).body).toEqual([]);
  });

  it('answers 404 for a conversation it does not know, and for an action the API lacks', () => {
    const { writes, conversation } = setUp();
    expect(writes.write(undefined, 'set-status', { status: 'RESOLVED' })).toEqual({
      status: 404,
      body: { error: 'Conversation not found' },
    });
    expect(writes.readNotes(undefined).status).toBe(404);
    expect(writes.write(conversation, 'delete', {}).status).toBe(404);
  });

  describe('assign', () => {
    it('refuses with 409 when someone else has it, and takes it over with force', () => {
      const { writes, conversation } = setUp();
      expect(writes.write(conversation, 'assign', { email: caio.email })).toEqual({
        status: 409,
        body: { error: 'Conversation already assigned to another user' },
      });
      expect(conversation.assignees).toEqual([{ user: bruna }]);

      expect(writes.write(conversation, 'assign', { email: caio.email, force: true })).toEqual({
        status: 200,
        body: { success: true, message: 'Conversation Assigned.' },
      });
      expect(conversation.assignees).toEqual([{ user: caio }]);
    });

    it('assigns an unassigned conversation by e-mail or user id, and again to the same person', () => {
      const { writes, conversation } = setUp();
      conversation.assignees = [];
      expect(writes.write(conversation, 'assign', { id: caio.id }).status).toBe(200);
      expect(conversation.assignees).toEqual([{ user: caio }]);
      expect(writes.write(conversation, 'assign', { email: 'CAIO@acme.test' }).status).toBe(200);
      expect(conversation).toMatchObject({ assignees: [{ user: caio }], updatedAt: at });
    });

    it('answers 404 when nobody of the organization matches', () => {
      const { writes, conversation } = setUp();
      for (const body of [
        { email: 'stranger@acme.test', force: true },
        { id: 'user_nobody' },
        { membershipId: 'mem_1' },
      ]) {
        expect(writes.write(conversation, 'assign', body)).toEqual({
          status: 404,
          body: { error: 'User not found' },
        });
      }
      expect(conversation.assignees).toEqual([{ user: bruna }]);
    });
  });

  it('unassign removes whoever is assigned, with or without a body', () => {
    const { writes, conversation } = setUp();
    expect(writes.write(conversation, 'unassign', undefined)).toEqual({
      status: 200,
      body: { success: true, message: 'Conversation unassigned.' },
    });
    expect(conversation).toMatchObject({ assignees: [], updatedAt: at });
    expect(writes.write(conversation, 'unassign', {}).status).toBe(200);
  });

  it('never edits the assignees array it was handed, so a copy of the conversation stays apart', () => {
    const { writes, conversation } = setUp();
    const assignees = conversation.assignees;
    writes.write({ ...conversation }, 'unassign', undefined);
    expect(conversation.assignees).toBe(assignees);
    expect(assignees).toEqual([{ user: bruna }]);
  });

  describe('notes', () => {
    it('adds a note as the key’s owner, public unless told, and answers 201 with all of it', () => {
      const { writes, conversation } = setUp();
      const added = writes.write(conversation, 'notes', { note: 'Called the customer back.' });
      expect(added).toEqual({
        status: 201,
        body: {
          id: expect.any(String) as string,
          note: 'Called the customer back.',
          isPrivate: false,
          isJustification: false,
          conversationId: 'conv_1',
          organizationId: 'org_1',
          userId: owner.id,
          userEmail: owner.email,
          notificationDateTime: null,
          sendDesktopNotification: false,
          createdAt: at,
          updatedAt: at,
        },
      });
      // A note changes no field of the conversation.
      expect(conversation.updatedAt).toBe('2026-11-30T08:00:00.000Z');
      expect(writes.readNotes(conversation)).toEqual({ status: 200, body: [added.body] });
    });

    it('keeps up to 500 characters, and the private flag as sent', () => {
      const { writes, conversation } = setUp();
      const note = 'x'.repeat(500);
      expect(writes.write(conversation, 'notes', { note, isPrivate: true }).body).toMatchObject({
        note,
        isPrivate: true,
      });
    });

    it('lists a conversation’s notes oldest first, seeds before what is added, and no other’s', () => {
      const later = {
        conversationId: 'conv_1',
        note: 'Second',
        isPrivate: false,
        author: caio,
        createdAt: '2026-11-30T10:00:00.000Z',
      };
      const earlier = {
        ...later,
        note: 'First',
        author: bruna,
        createdAt: '2026-11-30T09:00:00.000Z',
      };
      const elsewhere = { ...later, conversationId: 'conv_2', note: 'Elsewhere' };
      const { writes, conversation } = setUp([later, elsewhere, earlier]);
      writes.write(conversation, 'notes', { note: 'Third', isPrivate: true });

      const { status, body } = writes.readNotes(conversation);
      expect(status).toBe(200);
      expect(body).toMatchObject([
        { note: 'First', userEmail: bruna.email, createdAt: earlier.createdAt },
        { note: 'Second', userEmail: caio.email, createdAt: later.createdAt },
        { note: 'Third', userEmail: owner.email, isPrivate: true, createdAt: at },
      ]);
      expect(new Set((body as { id: string }[]).map((note) => note.id)).size).toBe(3);
    });
  });
});

describe('a message sent to the customer, as the contract answers it', () => {
  const hoursBefore = (hours: number) => new Date(Date.parse(at) - hours * 3_600_000).toISOString();
  const customerAt = (hours: number) => ({
    id: `m_${hours}`,
    from: 'human',
    contactId: 'ct_1',
    text: 'Oi',
    createdAt: hoursBefore(hours),
  });
  const operatorAt = (hours: number) => ({
    id: `o_${hours}`,
    from: 'human',
    userId: 'user_bruna',
    text: 'Olá',
    createdAt: hoursBefore(hours),
  });

  function onChannel(channel: string, earlier: unknown[]) {
    const writes = createConversationWrites({
      organizationId: 'org_1',
      members: [bruna],
      keyOwner: owner,
      messagesOf: () => earlier,
      now: () => new Date(at),
    });
    return { writes, conversation: { id: 'conv_1', channel } };
  }

  it('stores the message as the key’s owner wrote it and answers it, after the earlier ones', () => {
    const { writes, conversation } = onChannel('whatsapp', [customerAt(2)]);
    const answer = writes.write(conversation, 'message', { message: 'Seu pedido saiu.' });
    const stored = {
      id: 'msg_new_1',
      conversationId: 'conv_1',
      text: 'Seu pedido saiu.',
      html: null,
      from: 'human',
      userId: owner.id,
      read: true,
      createdAt: at,
      updatedAt: at,
    };
    expect(answer).toEqual({ status: 200, body: { success: true, message: stored } });
    expect(writes.messagesOf(conversation)).toEqual([customerAt(2), stored]);
  });

  it('refuses a send on WhatsApp and Instagram 24 hours after the customer’s last message, whoever wrote since', () => {
    for (const channel of ['whatsapp', 'instagramDm']) {
      const { writes, conversation } = onChannel(channel, [customerAt(25), operatorAt(1)]);
      expect(writes.write(conversation, 'message', { message: 'Oi?' })).toEqual({
        status: 406,
        body: { error: 'ERR_META_SESSION_EXPIRED_24H' },
      });
      expect(writes.messagesOf(conversation)).toHaveLength(2);
    }
  });

  it('takes a send within the window, on other channels at any time, and after the customer writes again', () => {
    expect(
      onChannel('whatsapp', [customerAt(23.9)]).writes.write(
        { id: 'conv_1', channel: 'whatsapp' },
        'message',
        { message: 'Oi' },
      ).status,
    ).toBe(200);
    const web = onChannel('website', [customerAt(300)]);
    expect(web.writes.write(web.conversation, 'message', { message: 'Oi' }).status).toBe(200);
    const closed = onChannel('whatsapp', [customerAt(48)]);
    closed.writes.customerWrites(closed.conversation, 'Ainda estou aqui');
    expect(closed.writes.write(closed.conversation, 'message', { message: 'Oi' }).status).toBe(200);
  });

  it('touches the conversation as the platform does: it moves, and a customer’s message is unread', () => {
    const { writes } = onChannel('website', []);
    const conversation = { id: 'conv_1', channel: 'website', updatedAt: hoursBefore(5) };
    writes.write(conversation, 'message', { message: 'Seu pedido saiu.' });
    expect(conversation).toEqual({ id: 'conv_1', channel: 'website', updatedAt: at });

    const unread = { id: 'conv_2', updatedAt: hoursBefore(5), unreadMessagesCount: 2 };
    writes.customerWrites(unread, 'Obrigado!');
    expect(unread).toEqual({ id: 'conv_2', updatedAt: at, unreadMessagesCount: 3 });
    const uncounted = { id: 'conv_3' };
    writes.customerWrites(uncounted, 'Oi');
    expect(uncounted).toEqual({ id: 'conv_3', updatedAt: at, unreadMessagesCount: 1 });
  });

  it('answers 400 without a message, and 404 for a conversation it does not know', () => {
    const { writes, conversation } = onChannel('website', []);
    expect(writes.write(conversation, 'message', {})).toEqual({
      status: 400,
      body: invalidRequest,
    });
    expect(writes.write(undefined, 'message', { message: 'Oi' }).status).toBe(404);
  });
});
