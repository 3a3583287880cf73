import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { messages } from '@/lib/messages';
import {
  searchParamsFromView,
  viewFromSearchParams,
  type ListView,
} from '@/features/triage/api/list-filters';
import { conversationListQuery } from '@/features/triage/api/list-query';
import { ConversationError } from '@/components/conversation/conversation-error';
import { narrowRows, sortRows } from '@/features/triage/order';
import { describeFilters, TriageFilters } from './triage-filters';
import { TriageList } from './triage-list';

const t = messages.triage;

function ListSkeleton() {
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

/** The triage list: every conversation the filters select, who needs help first. */
export function TriagePage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => viewFromSearchParams(searchParams), [searchParams]);
  const list = useQuery(conversationListQuery(view.filters));
  const sorted = useMemo(
    () => (list.data ? sortRows(list.data, view.sort) : []),
    [list.data, view.sort],
  );
  // The box answers each keystroke at once; the list follows when the main thread is free.
  const query = useDeferredValue(view.query);
  const rows = useMemo(() => narrowRows(sorted, query), [sorted, query]);

  // Filters and order are history entries (Back walks them); typing in the search box is not.
  const showView = (next: ListView) =>
    setSearchParams(searchParamsFromView(next), { replace: next.query !== view.query });
  const activeFilters = describeFilters(view.filters);

  return (
    <div className="space-y-4">
      <title>{`${t.title} · ${messages.appName}`}</title>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">{t.title}</h1>
        {list.data && (
          <p className="text-sm text-muted" role="status">
            {view.query ? t.countOf(rows.length, sorted.length) : t.count(sorted.length)}
            {list.isFetching && (
              <span className="sr-only"> {messages.conversation.refreshing}</span>
            )}
          </p>
        )}
      </div>
      <TriageFilters view={view} onChange={showView} />
      {list.data ? (
        rows.length > 0 ? (
          <>
            <p className="hidden text-xs text-muted sm:block">{t.keyboardHint}</p>
            <TriageList rows={rows} />
          </>
        ) : (
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
                onClick={() => showView({ filters: {}, sort: view.sort, query: '' })}
                className="mt-3 rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-surface hover:opacity-90"
              >
                {t.clearFilters}
              </button>
            )}
          </div>
        )
      ) : list.isError ? (
        <ConversationError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ListSkeleton />
      )}
    </div>
  );
}
