import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { parseNotes } from './notes';

/** A note in the contract's `ConversationNote` shape. */
const wire = (id: string, createdAt: string | null, extra: Record<string, unknown> = {}) => ({
  id,
  note: `Note ${id}`,
  isPrivate: true,
  isJustification: false,
  conversationId: 'conv_1',
  organizationId: 'org_1',
  userId: 'user_1',
  userEmail: 'ana@example.com',
  notificationDateTime: null,
  sendDesktopNotification: false,
  createdAt,
  updatedAt: createdAt,
  ...extra,
});

describe('parseNotes', () => {
  it('reads a note’s text, author, privacy and date', () => {
    expect(parseNotes([wire('n1', '2026-11-25T06:05:00.000Z')])).toEqual({
      notes: [
        {
          id: 'n1',
          text: 'Note n1',
          isPrivate: true,
          author: 'ana@example.com',
          createdAt: '2026-11-25T06:05:00.000Z',
        },
      ],
      unreadable: 0,
    });
  });

  it('keeps a note with only an id and a text, as public and by nobody known', () => {
    expect(parseNotes([{ id: 'n1', note: 'Só o texto' }]).notes).toEqual([
      { id: 'n1', text: 'Só o texto', isPrivate: false, author: null, createdAt: null },
    ]);
    expect(
      parseNotes([{ id: 'n2', note: 'Nulos', isPrivate: null, userEmail: null, createdAt: null }])
        .notes,
    ).toEqual([{ id: 'n2', text: 'Nulos', isPrivate: false, author: null, createdAt: null }]);
  });

  it('keeps the readable notes and counts the ones it cannot read', () => {
    const { notes, unreadable } = parseNotes([
      wire('n1', '2026-11-25T06:05:00.000Z'),
      17,
      null,
      { id: 'n2' },
      { note: 'no id' },
      wire('n3', '2026-11-25T06:12:00.000Z', { isPrivate: 'yes' }),
      wire('n4', '2026-11-25T06:20:00.000Z'),
    ]);
    expect(notes.map((note) => note.id)).toEqual(['n1', 'n4']);
    expect(unreadable).toBe(5);
  });

  it('puts the notes oldest first, whatever order they came in', () => {
    const { notes } = parseNotes([
      wire('late', '2026-11-25T09:00:00.000Z'),
      wire('early', '2026-11-24T23:59:59.000Z'),
      wire('middle', '2026-11-25T06:00:00+02:00'),
    ]);
    expect(notes.map((note) => note.id)).toEqual(['early', 'middle', 'late']);
  });

  it('puts notes without a readable date first, in the order they came', () => {
    const { notes } = parseNotes([
      wire('dated', '2026-11-25T06:00:00.000Z'),
      wire('undated', null),
      wire('garbled', 'yesterday'),
    ]);
    expect(notes.map((note) => note.id)).toEqual(['undated', 'garbled', 'dated']);
  });

  it('reads an empty list as no notes', () => {
    expect(parseNotes([])).toEqual({ notes: [], unreadable: 0 });
  });

  it.each([
    ['an object', { notes: [] }],
    ['null', null],
    ['a string', 'notes'],
    ['a number', 2],
  ])('refuses %s instead of a list, as an invalid response', (_, body) => {
    expect(() => parseNotes(body)).toThrow(ApiError);
    expect(() => parseNotes(body)).toThrow(expect.objectContaining({ kind: 'invalid-response' }));
  });
});
