import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotATranscriptError, parseTranscript, type Message } from './transcript-schema';

const at = (minute: number) => `2026-11-24T22:${String(minute).padStart(2, '0')}:00.000Z`;
const envelope = (messages: unknown) => ({
  status: 'UNRESOLVED',
  isAiEnabled: true,
  userId: 'user_1',
  organizationId: 'org_1',
  messages,
});
const messagesOf = (json: unknown) => parseTranscript(json).entries as Message[];

describe('parseTranscript', () => {
  it('reads the older shape: the contact, an operator as `agent` with a userId, and the AI', () => {
    const transcript = parseTranscript(
      envelope([
        { id: 'm1', from: 'human', text: 'Oi', createdAt: at(1), contactId: 'ct_1' },
        { id: 'm2', from: 'agent', text: 'Olá!', createdAt: at(2), agentId: 'agent_1' },
        {
          id: 'm3',
          from: 'agent',
          text: 'Aqui é a Ana',
          createdAt: at(3),
          userId: 'user_ana',
          user: { id: 'user_ana', name: 'Ana Costa' },
        },
      ]),
    );
    expect(transcript.received).toBe(3);
    expect(transcript.entries).toEqual([
      expect.objectContaining({ key: 'id:m1', author: 'contact', text: 'Oi', createdAt: at(1) }),
      expect.objectContaining({ key: 'id:m2', author: 'ai', authorName: null }),
      expect.objectContaining({ key: 'id:m3', author: 'human-agent', authorName: 'Ana Costa' }),
    ]);
  });

  it('puts the newest last when the API lists the newest first', () => {
    const texts = messagesOf(
      envelope([
        { id: 'c', from: 'human', text: 'third', createdAt: at(3) },
        { id: 'b', from: 'human', text: 'second', createdAt: at(2) },
        { id: 'a', from: 'human', text: 'first', createdAt: at(1) },
      ]),
    ).map((message) => message.text);
    expect(texts).toEqual(['first', 'second', 'third']);
  });

  it('tells people apart by the contract’s rule: `human` with a userId is an operator', () => {
    const authors = messagesOf(
      envelope([
        { id: 'm1', from: 'human', text: 'Oi', createdAt: at(1), contactId: 'ct_1' },
        { id: 'm2', from: 'human', text: 'Olá', createdAt: at(2), visitorId: 'v_1' },
        { id: 'm3', from: 'human', text: 'Sou a Ana', createdAt: at(3), userId: 'user_ana' },
        { id: 'm4', from: 'agent', text: 'Sou a IA', createdAt: at(4), agentId: 'agent_1' },
      ]),
    ).map(({ author, userId }) => [author, userId]);
    expect(authors).toEqual([
      ['contact', null],
      ['contact', null],
      ['human-agent', 'user_ana'],
      ['ai', null],
    ]);
  });

  it('sorts by time whatever order the API sends, keeping undated entries after their neighbour', () => {
    const texts = parseTranscript(
      envelope([
        { id: 'b', from: 'human', text: 'second', createdAt: at(2) },
        { id: 'd', from: 'human', text: 'fourth', createdAt: at(4) },
        { id: 'x', from: 'human', text: 'after fourth, undated' },
        { id: 'a', from: 'human', text: 'first', createdAt: at(1) },
        { id: 'c', from: 'human', text: 'third', createdAt: at(3) },
      ]),
    ).entries.map((entry) => (entry.kind === 'message' ? entry.text : null));
    expect(texts).toEqual(['first', 'second', 'third', 'fourth', 'after fourth, undated']);
  });

  it('marks the customer’s unread messages, the AI’s sources and its rating', () => {
    const [question, answer] = messagesOf(
      envelope([
        { id: 'q', from: 'human', contactId: 'ct', text: '?', read: false, createdAt: at(1) },
        {
          id: 'a',
          from: 'agent',
          text: 'Três dias.',
          read: false,
          eval: 'bad',
          createdAt: at(2),
          sources: [
            { datasource_name: 'Central de ajuda', score: 0.91, source: 'https://x.example/a' },
            { datasource_name: 'Políticas.pdf', score: 0.5, source: 'politicas.pdf' },
            { datasource_name: 'Roteiro', source: 'javascript:alert(1)' },
            'not a source',
          ],
        },
      ]),
    );
    expect(question).toMatchObject({ unread: true, sources: [], evaluation: null });
    // Only what the customer wrote waits for the team.
    expect(answer).toMatchObject({ unread: false, evaluation: 'bad' });
    expect(answer!.sources).toEqual([
      {
        name: 'Central de ajuda',
        score: 0.91,
        href: 'https://x.example/a',
        reference: 'https://x.example/a',
      },
      { name: 'Políticas.pdf', score: 0.5, href: null, reference: 'politicas.pdf' },
      { name: 'Roteiro', score: null, href: null, reference: 'javascript:alert(1)' },
    ]);
  });

  it('accepts role/content/message alternatives, a bare list, and says who it cannot tell', () => {
    const messages = messagesOf([
      { role: 'user', content: 'by role', timestamp: at(1) },
      { role: 'assistant', message: 'by message', date: at(2) },
      { sender: 'operator', body: 'by body' },
      { from: 'system', text: 'who?' },
      { text: 'nobody' },
    ]);
    expect(messages.map((message) => [message.author, message.text])).toEqual([
      ['contact', 'by role'],
      ['ai', 'by message'],
      ['human-agent', 'by body'],
      ['unknown', 'who?'],
      ['unknown', 'nobody'],
    ]);
    expect(messages[0]!.createdAt).toBe(at(1));
  });

  it('ignores a field of the wrong type instead of dropping the message', () => {
    const [message] = messagesOf(
      envelope([
        { id: 7, from: 'human', text: 'Oi', createdAt: 'yesterday', user: 'x', agentId: {} },
      ]),
    );
    expect(message).toEqual(
      expect.objectContaining({ key: 'id:7', author: 'contact', text: 'Oi', createdAt: null }),
    );
  });

  it('keeps a message without text as received, and junk items in their place', () => {
    const location = { id: 'loc', from: 'human', payload: { latitude: -23.55 } };
    const { entries } = parseTranscript(envelope([location, 'loose text', 42, null]));
    expect(entries).toEqual([
      expect.objectContaining({
        kind: 'message',
        author: 'contact',
        text: null,
        received: location,
      }),
      { kind: 'unreadable', key: 'at:3', received: 'loose text' },
      { kind: 'unreadable', key: 'at:2', received: 42 },
      { kind: 'unreadable', key: 'at:1', received: null },
    ]);
  });

  it('links attachments only to http(s) addresses', () => {
    const [message] = messagesOf(
      envelope([
        {
          from: 'agent',
          userId: 'u',
          attachments: [
            { name: 'nota.pdf', url: 'https://a.example/nota.pdf' },
            { name: 'evil', url: 'javascript:alert(1)' },
            { url: 'data:text/html,x' },
            'not an attachment',
          ],
        },
      ]),
    );
    expect(message!.attachments).toEqual([
      { name: 'nota.pdf', href: 'https://a.example/nota.pdf' },
      { name: 'evil', href: null },
      { name: 'data:text/html,x', href: null },
    ]);
    expect(message).not.toHaveProperty('received');
  });

  it('gives every entry a unique key that stays put when earlier messages arrive', () => {
    const older = { id: 'dup', from: 'human', text: 'older', createdAt: at(1) };
    const newer = [
      { id: 'dup', from: 'human', text: 'repeated id', createdAt: at(2) },
      { from: 'human', text: 'no id', createdAt: at(3) },
    ];
    const keysOf = (items: unknown[]) => parseTranscript(items).entries.map((entry) => entry.key);
    expect(keysOf(newer)).toEqual(['id:dup', 'at:1']);
    const withEarlier = keysOf([older, ...newer]);
    expect(withEarlier).toEqual(['at:3', 'id:dup', 'at:1']);
    expect(new Set(withEarlier).size).toBe(3);
  });

  it('reads a missing list as no messages and a non-list as one unreadable entry', () => {
    expect(parseTranscript({ status: 'RESOLVED' })).toEqual({ entries: [], received: 0 });
    expect(parseTranscript(envelope(null)).entries).toEqual([]);
    expect(parseTranscript(envelope({ text: 'not a list' })).entries).toEqual([
      expect.objectContaining({ kind: 'message', text: 'not a list' }),
    ]);
  });

  it('refuses bodies that are not a transcript at all', () => {
    for (const body of [null, 'OK', 42, true]) {
      expect(() => parseTranscript(body)).toThrow(NotATranscriptError);
    }
  });

  it('never fails on any JSON list of messages', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), (items) => {
        const transcript = parseTranscript(envelope(items));
        expect(transcript.entries).toHaveLength(items.length);
        expect(new Set(transcript.entries.map((entry) => entry.key)).size).toBe(items.length);
      }),
      { numRuns: 300 },
    );
  });
});
