import { Fragment, useEffect, useId, useRef } from 'react';
import { CloseIcon } from '@/components/ui/icons';
import { iconButton } from '@/components/ui/icon-button';
import { messages } from '@/lib/messages';
import { shortcutsMessages } from './shortcuts-messages';

/**
 * Every shortcut of the app, by where it works. Alternatives are separate strings; within one,
 * a space separates keys pressed one after the other and `+` keys pressed together.
 */
function shortcutGroups() {
  const t = shortcutsMessages();
  const ctrlK = `${t.ctrl}+K`;
  return [
    {
      title: t.anywhere,
      shortcuts: [
        { keys: ['?'], does: t.help },
        { keys: ['/', ctrlK, '⌘+K'], does: t.jump },
        { keys: ['g h'], does: t.goHome },
      ],
    },
    {
      title: t.onConversation,
      shortcuts: [
        { keys: ['r'], does: t.refresh },
        { keys: ['c'], does: t.copyLink },
        { keys: ['e'], does: t.resolve },
        { keys: ['z'], does: t.undoResolve },
        { keys: ['s h', 's u'], does: t.setStatus },
        { keys: ['p h', 'p m', 'p l'], does: t.setPriority },
        { keys: ['i'], does: t.switchAi },
        { keys: ['a'], does: t.assignToMe },
        { keys: ['n'], does: t.writeNote },
        { keys: ['Shift+R'], does: t.reply },
        { keys: [`${t.ctrl}+${t.enter}`, '⌘+Enter'], does: t.sendReply },
      ],
    },
    {
      title: t.onList,
      shortcuts: [
        { keys: ['j'], does: t.next },
        { keys: ['k'], does: t.previous },
        { keys: [t.enter], does: t.openRow },
      ],
    },
  ];
}

const kbd = 'rounded border border-line bg-subtle px-1.5 py-0.5 font-mono text-xs text-ink';

function Keys({ keys }: { keys: string[] }) {
  const t = shortcutsMessages();
  return keys.map((alternative, index) => (
    <Fragment key={alternative}>
      {index > 0 && <span className="text-muted"> {t.or} </span>}
      {alternative.split(' ').map((step, stepIndex) => (
        <Fragment key={step}>
          {stepIndex > 0 && <span className="text-muted"> {t.then} </span>}
          <kbd className={kbd}>{step}</kbd>
        </Fragment>
      ))}
    </Fragment>
  ));
}

/** The list of every shortcut, a modal dialog; loaded when first asked for. */
export default function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => dialogRef.current?.showModal(), []);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClose={onClose}
      // A click on the backdrop lands on the dialog itself: close, as Escape does.
      onClick={(event) => event.target === event.currentTarget && dialogRef.current?.close()}
      className="m-auto w-[min(32rem,calc(100vw-1.5rem))] rounded-lg border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/50"
    >
      <div className="p-5">
        <div className="flex items-center justify-between gap-3">
          <h2 id={titleId} className="text-lg font-semibold">
            {messages.shortcuts.title}
          </h2>
          <button
            type="button"
            onClick={() => dialogRef.current?.close()}
            aria-label={messages.shortcuts.close}
            title={messages.shortcuts.close}
            className={iconButton}
          >
            <CloseIcon />
          </button>
        </div>
        {shortcutGroups().map((group) => (
          <section key={group.title} className="mt-4">
            <h3 className="text-sm font-semibold text-muted">{group.title}</h3>
            <dl className="mt-1 divide-y divide-line text-sm">
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.does} className="flex items-center justify-between gap-4 py-2">
                  <dt>{shortcut.does}</dt>
                  <dd className="shrink-0 text-right">
                    <Keys keys={shortcut.keys} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
