import { pageMessages } from '@/app/page-messages';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { readConversationInput } from '@/config/conversation-input';
import { paths } from '@/config/paths';
import { messages } from '@/lib/messages';

/** Opens a conversation from a pasted id or link; says what is wrong with bad input. */
export function OpenConversationForm({ defaultValue = '' }: { defaultValue?: string }) {
  const t = pageMessages().home;
  const navigate = useNavigate();
  const inputId = useId();
  const hintId = useId();
  const [problem, setProblem] = useState<string | null>(null);

  function open(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = new FormData(event.currentTarget).get('conversation');
    const read = readConversationInput(typeof input === 'string' ? input : '');
    if ('problem' in read) {
      setProblem(messages.idProblem[read.problem]);
      return;
    }
    void navigate(paths.conversation.href(read.id));
  }

  return (
    <form onSubmit={open} noValidate className="space-y-1.5">
      <label htmlFor={inputId} className="block text-sm font-medium">
        {t.inputLabel}
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          name="conversation"
          defaultValue={defaultValue}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hintId}
          aria-invalid={problem ? true : undefined}
          onChange={() => setProblem(null)}
          className="h-9 min-w-0 flex-1 rounded-md border border-line bg-surface px-3 font-mono text-sm aria-invalid:border-red-600"
        />
        <button
          type="submit"
          className="h-9 rounded-md bg-accent px-4 text-sm font-medium text-surface hover:opacity-90"
        >
          {t.open}
        </button>
      </div>
      <p
        id={hintId}
        className={problem ? 'text-sm text-red-700 dark:text-red-300' : 'text-xs text-muted'}
        role={problem ? 'alert' : undefined}
      >
        {problem ?? t.inputHint}
      </p>
    </form>
  );
}
