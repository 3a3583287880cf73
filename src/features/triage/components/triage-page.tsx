import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ConversationError } from '@/components/conversation/conversation-error';
import { paths } from '@/config/paths';
import type { Conversation } from '@/lib/conversation/conversation-model';
import { formatNumber } from '@/lib/format';
import { StaleNotice } from '@/components/ui/stale-notice';
import { messages } from '@/lib/messages';
import { triageMessages } from '../triage-messages';
import {
  searchParamsFromView,
  viewFromSearchParams,
  walksToTheEnd,
  type ListView,
} from '../api/list-filters';
import { MAX_PAGES } from '../api/list-query';
import { useTriageList } from '../api/use-triage-list';
import type { ListRow } from '../api/list-conversations';
import { useNewcomers } from '../newcomers';
import { notifyNewcomers, useNotifySetting } from '../notifications';
import { narrowRows, sortRows } from '../order';
import { NotificationSwitch } from './notification-switch';
import { describeFilters, TriageFilters } from './triage-filters';
import { TriageList } from './triage-list';

const buttonClassName =
  'rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:bg-subtle disabled:opacity-60';

function ListSkeleton() {
  const t = triageMessages();
  return (
    <div aria-busy="true" className="rounded-lg border border-line bg-surface">
      <p className="sr-only">{t.loading}</p>
      {Array.from({ length: 8 }, (_, index) => (
        <div
          key={index}
          className="h-[116px] border-b sm:h-[72px] border-line px-4 py-3 last:border-b-0"
        >
          <div className="h-4 w-2/3 animate-pulse rounded bg-subtle" />
          <div className="mt-2 h-3 w-1/3 animate-pulse rounded bg-subtle" />
        </div>
      ))}
    </div>
  );
}

/** How many there are: the true count once every page is in, else how many so far. */
function countText(view: ListView, loaded: number, shown: number, complete: boolean) {
  const t = triageMessages();
  if (view.query) return t.countOf(shown, loaded);
  if (complete) return t.count(loaded);
  return walksToTheEnd(view.statuses) ? t.walking(loaded) : t.loadedSoFar(loaded);
}

/** Those waiting for a person: what the tab's title counts, for an agent in another tab. */
const waitingForAPerson = (rows: ListRow[]) =>
  rows.filter((row) => row.kind === 'conversation' && row.conversation.status === 'HUMAN_REQUESTED')
    .length;

/** The triage list: the open queue by default, who needs help first, kept live. */
export function TriagePage() {
  const t = triageMessages();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => viewFromSearchParams(searchParams), [searchParams]);
  const { list, rows: loaded, complete, liveKey, loadMore } = useTriageList(view);
  const sorted = useMemo(() => sortRows(loaded, view.sort), [loaded, view.sort]);
  // The box answers each keystroke at once; the list follows when the main thread is free.
  const query = useDeferredValue(view.query);
  const rows = useMemo(() => narrowRows(sorted, query), [sorted, query]);

  const notifySetting = useNotifySetting();
  // Read out politely; the key makes the same words, said again, a new announcement.
  const [arrival, setArrival] = useState({ text: '', serial: 0 });
  const onArrival = useCallback(
    (newcomers: Conversation[]) => {
      const words = triageMessages().arrived(
        newcomers.length,
        newcomers[0]?.title ?? messages.conversation.untitled,
      );
      setArrival((before) => ({ text: words, serial: before.serial + 1 }));
      notifyNewcomers(newcomers, (id) => void navigate(paths.conversation.href(id)));
    },
    [navigate],
  );
  const { unseen, markSeen } = useNewcomers(liveKey, loaded, onArrival);
  const waiting = liveKey ? waitingForAPerson(loaded) : 0;

  // Filters and order are history entries (Back walks them); typing in the search box is not.
  const showView = (next: ListView) =>
    setSearchParams(searchParamsFromView(next), { replace: next.query !== view.query });
  const activeFilters = describeFilters(view);
  // The walk stopped before the API's end: at its cap, or where no next page could be asked.
  const pages = list.data?.pages ?? [];
  const capped = complete && (pages.length >= MAX_PAGES || pages.some((page) => page.cutShort));
  // A refresh changes rows under the agent, who keeps their place; a page they asked for, or the
  // walk's first pages, add rows they expect.
  const placeKey = walksToTheEnd(view.statuses)
    ? complete
      ? 'walked'
      : null
    : `pages:${pages.length}`;

  return (
    // The list keeps the agent's place itself (TriageList): the browser's own scroll anchoring
    // would add its correction to ours, or follow the Load more button down to the end.
    <div className="space-y-4 [overflow-anchor:none]">
      <title>{`${waiting > 0 ? `(${formatNumber(waiting)}) ` : ''}${t.title} · ${messages.appName}`}</title>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">{t.title}</h1>
        {list.data && (
          <p className="text-sm text-muted" role="status">
            {countText(view, sorted.length, rows.length, complete)}
          </p>
        )}
      </div>
      <TriageFilters view={view} onChange={showView} />
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2 empty:hidden">
        {rows.length > 0 && (
          <p className="hidden text-xs leading-5 text-muted sm:block">{t.keyboardHint}</p>
        )}
        {walksToTheEnd(view.statuses) && (
          <NotificationSwitch state={notifySetting.state} onToggle={notifySetting.toggle} />
        )}
      </div>
      <p role="status" className="sr-only">
        <span key={arrival.serial}>{arrival.text}</span>
      </p>
      {capped && <p className="text-sm text-muted">{t.capped(sorted.length)}</p>}
      {list.data ? (
        rows.length > 0 ? (
          <>
            {/* While the search narrows the rows, the end comes soon: asking for more there
                would walk every page. The Load more button still does, on request. */}
            <TriageList
              rows={rows}
              onEndReached={view.query ? undefined : loadMore}
              viewKey={`${view.sort}\n${query}`}
              placeKey={placeKey}
              unseen={unseen}
              onSeen={markSeen}
            />
          </>
        ) : complete || view.query ? (
          <div className="rounded-lg border border-line bg-surface p-5 text-sm">
            <p>
              {view.query && sorted.length > 0
                ? t.noSearchMatch(view.query)
                : activeFilters.length > 0
                  ? t.noMatch(activeFilters.map((filter) => filter.label).join(' · '))
                  : t.none}
            </p>
            {(activeFilters.length > 0 || view.query) && (
              <button
                type="button"
                onClick={() =>
                  showView({ statuses: 'open', filters: {}, sort: view.sort, query: '' })
                }
                className="mt-3 rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-surface hover:opacity-90"
              >
                {t.clearFilters}
              </button>
            )}
          </div>
        ) : (
          <ListSkeleton />
        )
      ) : list.isError ? (
        <ConversationError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ListSkeleton />
      )}
      {/* Fixed at the foot of the window: its coming and going moves no row. */}
      <div role="status" className="absolute">
        {list.isRefetchError && (
          <StaleNotice
            className="fixed inset-x-3 bottom-3 z-20 mx-auto max-w-xl shadow-md dark:bg-amber-950"
            onRetry={() => void list.refetch()}
          />
        )}
      </div>
      {list.isFetchNextPageError ? (
        <p role="alert" className="flex flex-wrap items-center gap-2 text-sm">
          {t.moreFailed}
          <button
            type="button"
            onClick={() => void list.fetchNextPage()}
            className={buttonClassName}
          >
            {messages.errors.retry}
          </button>
        </p>
      ) : (
        // The way on for a keyboard or a screen reader, where scrolling to the end is no gesture.
        !walksToTheEnd(view.statuses) &&
        list.hasNextPage && (
          <button
            type="button"
            onClick={loadMore}
            disabled={list.isFetchingNextPage}
            className={buttonClassName}
          >
            {list.isFetchingNextPage ? t.loadingMore : t.loadMore}
          </button>
        )
      )}
    </div>
  );
}
