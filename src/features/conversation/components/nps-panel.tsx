import { Badge } from '@/components/ui/badge';
import { DetailsList } from '@/components/ui/details-list';
import { Panel } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { messages } from '@/lib/messages';
import type { Nps } from '@/lib/conversation/conversation-model';

const t = messages.nps;

type NpsBand = keyof typeof t.bands;

/** The survey's own bands: 0–6 detractors, 7–8 passives, 9–10 promoters. */
export function npsBand(rating: number): NpsBand {
  if (rating <= 6) return 'detractor';
  if (rating <= 8) return 'passive';
  return 'promoter';
}

const bandTone: Record<NpsBand, string> = {
  detractor:
    'border-red-600/50 bg-red-50 text-red-900 dark:border-red-400/50 dark:bg-red-400/10 dark:text-red-100',
  passive: 'border-line bg-subtle text-ink',
  promoter:
    'border-emerald-600/50 bg-emerald-50 text-emerald-900 dark:border-emerald-400/50 dark:bg-emerald-400/10 dark:text-emerald-100',
};

export const hasNps = (nps: Nps) => nps.rating !== null || nps.startedAt !== null;

/** The customer's NPS answer: score and band, comment, and when; or that it is still awaited. */
export function NpsPanel({ nps }: { nps: Nps }) {
  return (
    <Panel title={messages.panels.nps}>
      {nps.rating === null ? (
        <p className="text-muted">{t.waiting}</p>
      ) : (
        <p className="flex flex-wrap items-center gap-2">
          <span className="sr-only">{t.score}: </span>
          <span className="text-lg font-semibold tabular-nums">{t.outOf(nps.rating)}</span>
          <Badge className={bandTone[npsBand(nps.rating)]}>{t.bands[npsBand(nps.rating)]}</Badge>
        </p>
      )}
      {nps.comment && (
        <blockquote className="mt-2 border-l-2 border-line pl-3 break-words whitespace-pre-wrap">
          <span className="sr-only">{t.comment}: </span>
          {nps.comment}
        </blockquote>
      )}
      <DetailsList
        className="mt-2 text-xs"
        details={[
          [
            t.answered,
            nps.completedAt && <RelativeTime value={nps.completedAt} fallback="" showExact />,
          ],
          [t.sent, nps.startedAt && <RelativeTime value={nps.startedAt} fallback="" showExact />],
        ]}
      />
    </Panel>
  );
}
