import { DetailsList } from '@/components/ui/details-list';
import { ExternalLink } from '@/components/ui/external-link';
import { ListPanel } from '@/components/ui/list-panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { messages } from '@/lib/messages';
import type { AdAttribution, Section } from '@/lib/conversation/conversation-model';

const t = messages.ads;

/**
 * The ad's words and links. Its image is a link, never loaded here: the address points at the ad
 * network's servers, which would learn who opened which customer's conversation, and when.
 */
function AdCard({ ad }: { ad: AdAttribution }) {
  return (
    <>
      <p className="font-medium break-words">
        {ad.headline ?? <span className="text-muted italic">{t.untitled}</span>}
      </p>
      {ad.body && <p className="mt-0.5 break-words whitespace-pre-wrap text-muted">{ad.body}</p>}
      {(ad.href || ad.imageHref) && (
        <p className="mt-1 flex flex-wrap gap-x-3 text-xs">
          {ad.href && <ExternalLink href={ad.href}>{t.open}</ExternalLink>}
          {ad.imageHref && <ExternalLink href={ad.imageHref}>{t.image}</ExternalLink>}
        </p>
      )}
      <DetailsList
        className="mt-1 text-xs"
        details={[
          [t.clicked, ad.clickedAt && <RelativeTime value={ad.clickedAt} fallback="" showExact />],
          [t.media, ad.mediaType],
          [t.adId, ad.sourceId && <span className="font-mono break-all">{ad.sourceId}</span>],
        ]}
      />
    </>
  );
}

/** The Click-to-WhatsApp ads the customer came from. */
export function AdsPanel({ ads }: { ads: Section<AdAttribution> }) {
  return (
    <ListPanel
      title={messages.panels.ads}
      empty=""
      items={ads.items}
      unreadable={ads.unreadable}
      pageSize={5}
      listClassName="divide-y divide-line"
      itemClassName="py-2 first:pt-0 last:pb-0"
      renderItem={(ad) => <AdCard ad={ad} />}
    />
  );
}
