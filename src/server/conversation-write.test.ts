// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NOTE_MAX_LENGTH, type WriteAction } from '../config/conversation-writes';
import { apiBody, changesAField, describeChange } from './conversation-write';

const ana = 'ana@acme.test';

describe('the body a write sends the API', () => {
  it.each([
    ['set-status', { status: 'RESOLVED' }, { status: 'RESOLVED' }],
    ['set-status', { status: 'HUMAN_REQUESTED' }, { status: 'HUMAN_REQUESTED' }],
    ['set-priority', { priority: 'HIGH' }, { priority: 'HIGH' }],
    ['set-priority', { priority: 'LOW' }, { priority: 'LOW' }],
    ['set-ai-enabled', { enabled: false }, { enabled: false }],
    ['set-ai-enabled', { enabled: true }, { enabled: true }],
  ] as const)('is %s’s own field, as sent: %j', (action, sent, body) => {
    expect(apiBody(action, sent, ana)).toEqual({ body });
  });

  it('names the signed-in agent on an assignment, and nobody else', () => {
    expect(apiBody('assign', {}, ana)).toEqual({ body: { email: ana } });
    expect(apiBody('assign', { force: true }, ana)).toEqual({ body: { email: ana, force: true } });
  });

  it('refuses an assignment with sign-in off, where there is nobody to name', () => {
    expect(apiBody('assign', {}, null)).toEqual({
      status: 403,
      error: expect.any(String) as string,
    });
    expect(apiBody('assign', { force: true }, null)).toMatchObject({ status: 403 });
  });

  it('sends no body at all to unassign', () => {
    expect(apiBody('unassign', {}, ana)).toEqual({ body: null });
    expect(apiBody('unassign', {}, null)).toEqual({ body: null });
  });

  it('makes every note private, whatever the browser would have liked', () => {
    expect(apiBody('notes', { note: 'Called back, all fine' }, ana)).toEqual({
      body: { note: 'Called back, all fine', isPrivate: true },
    });
    expect(apiBody('notes', { note: 'x', isPrivate: false }, ana)).toMatchObject({ status: 400 });
  });

  it('takes a note of exactly 500 characters and refuses one of 501', () => {
    const longest = 'n'.repeat(NOTE_MAX_LENGTH);

    expect(NOTE_MAX_LENGTH).toBe(500);
    expect(apiBody('notes', { note: longest }, ana)).toEqual({
      body: { note: longest, isPrivate: true },
    });
    expect(apiBody('notes', { note: `${longest}n` }, ana)).toMatchObject({ status: 400 });
  });

  it('takes a note of 250 emoji, 500 characters as JavaScript counts them', () => {
    expect(apiBody('notes', { note: '🙂'.repeat(250) }, ana)).toHaveProperty('body');
  });

  it('refuses a note of 501 characters as JavaScript counts them, an emoji being two', () => {
    expect(apiBody('notes', { note: `${'🙂'.repeat(250)}!` }, ana)).toMatchObject({ status: 400 });
  });

  it.each(['', ' ', '  \n\t ', '\u00a0'])('refuses the empty or blank note %j', (note) => {
    expect(apiBody('notes', { note }, ana)).toEqual({
      status: 400,
      error: 'Invalid body for notes',
    });
  });

  it.each([
    ['set-status', { status: 'CLOSED' }],
    ['set-status', { status: 'resolved' }],
    ['set-status', { status: 'RESOLVED', organizationId: 'org_x' }],
    ['set-status', {}],
    ['set-priority', { priority: 'URGENT' }],
    ['set-priority', { priority: 1 }],
    ['set-priority', { priority: 'HIGH', status: 'RESOLVED' }],
    ['set-ai-enabled', { enabled: 'false' }],
    ['set-ai-enabled', { enabled: 0 }],
    ['set-ai-enabled', { enabled: null }],
    ['set-ai-enabled', { enabled: true, userId: 'u_1' }],
    ['assign', { email: 'boss@acme.test' }],
    ['assign', { userId: 'u_boss' }],
    ['assign', { force: 'yes' }],
    ['assign', { force: null }],
    ['unassign', { email: 'bob@acme.test' }],
    ['notes', {}],
    ['notes', { note: 42 }],
    ['notes', { note: ['a'] }],
    ['notes', { note: 'hi', conversationId: 'other' }],
    ['notes', { note: 'hi', userId: 'u_1' }],
  ] as const)('refuses %s with %j', (action, sent) => {
    expect(apiBody(action, sent, ana)).toEqual({
      status: 400,
      error: `Invalid body for ${action}`,
    });
  });

  it.each([null, undefined, 'RESOLVED', 42, true, [], [{ status: 'RESOLVED' }]])(
    'refuses a body that is no object: %j',
    (sent) => {
      for (const action of ['set-status', 'assign', 'unassign', 'notes'] as const) {
        expect(apiBody(action, sent, ana)).toMatchObject({ status: 400 });
      }
    },
  );

  it('refuses a __proto__ field as any other unknown one', () => {
    const sent: unknown = JSON.parse('{"status":"RESOLVED","__proto__":{"isPrivate":false}}');

    expect(apiBody('set-status', sent, ana)).toMatchObject({ status: 400 });
    expect(apiBody('unassign', JSON.parse('{"__proto__":{}}'), ana)).toMatchObject({
      status: 400,
    });
  });

  it('sends a copy of the checked fields, not the object the browser sent', () => {
    const sent = { status: 'RESOLVED' };
    const built = apiBody('set-status', sent, ana);

    expect(built).toEqual({ body: { status: 'RESOLVED' } });
    expect('body' in built && built.body).not.toBe(sent);
  });
});

describe('what a write changes, for the audit log', () => {
  const conversation = {
    id: 'conv_1',
    status: 'UNRESOLVED',
    priority: 'LOW',
    isAiEnabled: true,
    assignees: [
      { id: 'm_1', user: { email: 'bob@acme.test', name: 'Bob' } },
      { user: { name: 'Carla' } },
      { user: { id: 'u_3' } },
      { id: 'm_4' },
      null,
    ],
  };

  it('names the status before and after', () => {
    expect(describeChange('set-status', { status: 'RESOLVED' }, conversation)).toEqual({
      field: 'status',
      from: 'UNRESOLVED',
      to: 'RESOLVED',
    });
  });

  it('names the priority before and after', () => {
    expect(describeChange('set-priority', { priority: 'HIGH' }, conversation)).toEqual({
      field: 'priority',
      from: 'LOW',
      to: 'HIGH',
    });
  });

  it('names the AI answering before and after', () => {
    expect(describeChange('set-ai-enabled', { enabled: false }, conversation)).toEqual({
      field: 'aiEnabled',
      from: true,
      to: false,
    });
    expect(
      describeChange('set-ai-enabled', { enabled: true }, { ...conversation, isAiEnabled: false }),
    ).toEqual({ field: 'aiEnabled', from: false, to: true });
  });

  it('names the assignees before by e-mail, else name, else id, and the agent after', () => {
    expect(describeChange('assign', { email: 'ana@acme.test' }, conversation)).toEqual({
      field: 'assignee',
      from: ['bob@acme.test', 'Carla', 'u_3'],
      to: 'ana@acme.test',
    });
  });

  it('says when an assignment took the conversation over, and only then', () => {
    expect(
      describeChange('assign', { email: 'ana@acme.test', force: true }, conversation),
    ).toMatchObject({ to: 'ana@acme.test', force: true });
    expect(
      describeChange('assign', { email: 'ana@acme.test', force: false }, conversation),
    ).not.toHaveProperty('force');
  });

  it('names nobody after unassigning', () => {
    expect(describeChange('unassign', null, conversation)).toEqual({
      field: 'assignee',
      from: ['bob@acme.test', 'Carla', 'u_3'],
      to: null,
    });
    expect(describeChange('unassign', null, { assignees: [] })).toEqual({
      field: 'assignee',
      from: [],
      to: null,
    });
  });

  it.each([
    ['no conversation', undefined],
    ['null', null],
    ['a string', 'UNRESOLVED'],
    ['a conversation without the field', { id: 'conv_1' }],
    ['a field of the wrong type', { status: 3, priority: null, isAiEnabled: {}, assignees: {} }],
  ])('leaves out the value before when the API gave %s', (_, before) => {
    const changes = [
      describeChange('set-status', { status: 'RESOLVED' }, before),
      describeChange('set-priority', { priority: 'HIGH' }, before),
      describeChange('set-ai-enabled', { enabled: false }, before),
      describeChange('assign', { email: 'ana@acme.test' }, before),
      describeChange('unassign', null, before),
    ];

    for (const change of changes) expect(change).not.toHaveProperty('from');
    expect(changes.map(({ to }) => to)).toEqual(['RESOLVED', 'HIGH', false, 'ana@acme.test', null]);
  });

  it('says a private note was added, never what it says', () => {
    const note = 'The customer’s card ends in 4242';
    const change = describeChange('notes', { note, isPrivate: true }, conversation);

    expect(change).toEqual({ field: 'note', to: 'new private note' });
    expect(JSON.stringify(change)).not.toContain('4242');
  });

  it('looks up the value before for every write but a note', () => {
    const actions: WriteAction[] = ['set-status', 'set-priority', 'set-ai-enabled', 'assign'];

    for (const action of [...actions, 'unassign' as const])
      expect(changesAField(action)).toBe(true);
    expect(changesAField('notes')).toBe(false);
  });
});
