import { useEffect, useRef, useState } from 'react';
import type { TranscriptEntry } from '@/lib/transcript/transcript-schema';
import { transcriptMessages } from '../transcript-messages';

/** The most of a new message read out: enough to know what it is about. */
const ANNOUNCED_CHARACTERS = 140;

/**
 * Tells screen readers when the customer writes while the page is open: the newest message of
 * theirs that was not there before, once. The messages present at first are not news.
 */
export function NewMessageAnnouncer({ entries }: { entries: readonly TranscriptEntry[] }) {
  const seen = useRef<Set<string> | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    const keys = new Set(entries.map(({ key }) => key));
    const before = seen.current;
    seen.current = keys;
    if (!before) return;
    const news = entries.findLast(
      (entry) => entry.kind === 'message' && entry.author === 'contact' && !before.has(entry.key),
    );
    if (news?.kind === 'message') {
      setAnnouncement(
        transcriptMessages().customerWrote((news.text ?? '').slice(0, ANNOUNCED_CHARACTERS)),
      );
    }
  }, [entries]);
  return (
    <p role="status" className="sr-only">
      {announcement}
    </p>
  );
}
