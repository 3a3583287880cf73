import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { outlineButton } from '@/components/ui/button';
import { Panel } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { NOTE_MAX_LENGTH, WRITE_BODY_MAX_BYTES } from '@/config/conversation-writes';
import { cn } from '@/lib/cn';
import { messages } from '@/lib/messages';
import { useShortcut } from '@/lib/use-shortcut';
import { actionsMessages } from '../actions-messages';
import { notesQuery, useAddNote, type Note } from '../api/notes';
import { WriteFailure } from './write-failure';

/** Whether the note, sent as the proxy takes it, stays within its 1 KB: accents weigh two bytes. */
const fitsOneWrite = (text: string) =>
  new TextEncoder().encode(JSON.stringify({ note: text })).length <= WRITE_BODY_MAX_BYTES;

function NoteItem({ note }: { note: Note }) {
  const t = actionsMessages().notes;
  return (
    <li className={cn('space-y-1', note.pending && 'opacity-60')}>
      <p className="flex flex-wrap items-center gap-x-2 text-xs text-muted">
        <span className="font-medium text-ink">{note.author ?? t.unknownAuthor}</span>
        {note.pending ? (
          <span>{t.sending}</span>
        ) : (
          <RelativeTime value={note.createdAt} fallback={messages.conversation.unknownDate} />
        )}
        {note.isPrivate && (
          <span className="rounded-full bg-subtle px-1.5 text-[0.6875rem]">{t.private}</span>
        )}
      </p>
      <p className="break-words whitespace-pre-wrap">{note.text}</p>
    </li>
  );
}

/** The conversation's notes, oldest first, and a form to add a private one. */
export function NotesPanel({ conversationId }: { conversationId: string }) {
  const t = actionsMessages().notes;
  const notes = useQuery(notesQuery(conversationId));
  const addNote = useAddNote(conversationId);
  const [text, setText] = useState('');
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  const hintId = useId();
  const countId = useId();
  useShortcut('n', () => fieldRef.current?.focus());

  const tooHeavy = !fitsOneWrite(text);
  const send = (note: string) =>
    // What was typed comes back to the field when the note is refused, to send again.
    addNote.mutate(note, { onError: () => setText((current) => current || note) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const note = text.trim();
    if (!note || tooHeavy) return;
    setText('');
    send(note);
  };

  const list = notes.data?.notes ?? [];
  return (
    // No count of 0: the panel would hide its body, and the form with it.
    <Panel title={messages.panels.notes} count={list.length > 0 ? list.length : undefined}>
      {notes.isError && !notes.data && (
        <p role="alert" className="mb-3 text-sm text-muted">
          {t.loadFailed}{' '}
          <button type="button" className="underline" onClick={() => void notes.refetch()}>
            {actionsMessages().retry}
          </button>
        </p>
      )}
      {notes.data && list.length === 0 && <p className="mb-3 text-muted">{t.empty}</p>}
      {list.length > 0 && (
        <ol className="mb-4 space-y-3">
          {list.map((note) => (
            <NoteItem key={note.id} note={note} />
          ))}
        </ol>
      )}
      {(notes.data?.unreadable ?? 0) > 0 && (
        <p role="note" className="mb-3 text-xs text-muted">
          {t.unreadable(notes.data!.unreadable)}
        </p>
      )}
      {addNote.isError && (
        <div className="mb-3">
          <WriteFailure
            what={actionsMessages().failed.notes}
            error={addNote.error}
            // What the field holds now, edited or not, is what goes again.
            onRetry={() => {
              const note = text.trim() || addNote.variables;
              setText('');
              send(note);
            }}
            onDismiss={() => addNote.reset()}
          />
        </div>
      )}
      <form onSubmit={submit} className="space-y-2">
        <label htmlFor={fieldId} className="block text-sm font-medium">
          {t.label}
        </label>
        <p id={hintId} className="text-xs text-muted">
          {t.hint}
        </p>
        <textarea
          ref={fieldRef}
          id={fieldId}
          value={text}
          maxLength={NOTE_MAX_LENGTH}
          rows={3}
          aria-describedby={`${hintId} ${countId}`}
          aria-invalid={tooHeavy || undefined}
          aria-keyshortcuts="n"
          onChange={(event) => setText(event.target.value)}
          className="block w-full resize-y rounded-md border border-line bg-surface px-2.5 py-2 text-sm text-ink placeholder:text-muted focus-visible:outline-2 focus-visible:outline-accent"
        />
        <div className="flex items-center justify-between gap-3">
          <p
            id={countId}
            className={cn(
              'text-xs tabular-nums',
              tooHeavy || text.length >= NOTE_MAX_LENGTH
                ? 'text-red-700 dark:text-red-300'
                : 'text-muted',
            )}
          >
            {tooHeavy ? t.tooHeavy : t.count(text.length, NOTE_MAX_LENGTH)}
          </p>
          <button type="submit" className={outlineButton} disabled={!text.trim() || tooHeavy}>
            {t.add}
          </button>
        </div>
      </form>
    </Panel>
  );
}
