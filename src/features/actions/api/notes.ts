/**
 * A conversation's notes (`GET /conversations/{id}/notes`, a bare array) and adding a private one
 * (`POST`, answered 201 with the note), shown at once and taken back if the API refuses it.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { writePath } from '@/config/conversation-writes';
import { ApiError, apiGet, apiRequest } from '@/lib/api-client';
import { conversationQueries } from '@/lib/conversation/queries';

export interface Note {
  id: string;
  text: string;
  isPrivate: boolean;
  /** The author's e-mail as the API names them. */
  author: string | null;
  createdAt: string | null;
  /** Sent, not yet confirmed by the API. */
  pending?: boolean;
}

export interface Notes {
  /** Oldest first: the newest sits by the form. */
  notes: Note[];
  /** Entries that were not notes at all. */
  unreadable: number;
}

// Tolerant, as every field the API sends is untrusted: only an id and a text are needed.
const wireNote = z.object({
  id: z.string(),
  note: z.string(),
  isPrivate: z.optional(z.nullable(z.boolean())),
  userEmail: z.optional(z.nullable(z.string())),
  createdAt: z.optional(z.nullable(z.string())),
});

const toNote = (wire: z.infer<typeof wireNote>): Note => ({
  id: wire.id,
  text: wire.note,
  isPrivate: wire.isPrivate ?? false,
  author: wire.userEmail ?? null,
  createdAt: wire.createdAt ?? null,
});

const timeOf = (note: Note) => (note.createdAt ? Date.parse(note.createdAt) || 0 : 0);

export function parseNotes(body: unknown): Notes {
  if (!Array.isArray(body)) throw new ApiError('invalid-response');
  const notes: Note[] = [];
  for (const item of body) {
    const read = wireNote.safeParse(item);
    if (read.success) notes.push(toNote(read.data));
  }
  notes.sort((a, b) => timeOf(a) - timeOf(b));
  return { notes, unreadable: body.length - notes.length };
}

export const notesQuery = (conversationId: string) =>
  queryOptions({
    queryKey: [...conversationQueries.all(), 'notes', conversationId],
    queryFn: async ({ signal }) =>
      parseNotes(await apiGet(writePath(conversationId, 'notes'), signal)),
  });

export function useAddNote(conversationId: string) {
  const queryClient = useQueryClient();
  const { queryKey } = notesQuery(conversationId);
  return useMutation({
    mutationFn: (text: string) =>
      apiRequest(writePath(conversationId, 'notes'), { method: 'POST', body: { note: text } }),
    onMutate: async (text: string) => {
      await queryClient.cancelQueries({ queryKey });
      const pending: Note = {
        id: `pending-${Date.now()}`,
        text,
        isPrivate: true,
        author: null,
        createdAt: new Date().toISOString(),
        pending: true,
      };
      queryClient.setQueryData(queryKey, (notes) =>
        notes ? { ...notes, notes: [...notes.notes, pending] } : notes,
      );
      return { pendingId: pending.id };
    },
    onError: (_error, _text, context) =>
      queryClient.setQueryData(queryKey, (notes) =>
        notes && context
          ? { ...notes, notes: notes.notes.filter((note) => note.id !== context.pendingId) }
          : notes,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
