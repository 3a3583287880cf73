import { useId, useState, type ReactNode } from 'react';
import { messages } from '@/lib/messages';
import {
  knownPriorities,
  knownStatuses,
  type KnownPriority,
  type KnownStatus,
} from '@/lib/conversation/conversation-model';
import {
  sortOrders,
  type ListFilters,
  type ListView,
  type SortOrder,
} from '@/features/triage/api/list-filters';
import { channelName, knownChannels } from '@/components/conversation/channel-label';

const t = messages.triage;

const control = 'h-8 w-full rounded-md border border-line bg-surface px-2 text-sm';

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-muted">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

function Choice({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <Field label={label}>
      {(id) => (
        <select
          id={id}
          value={value ?? ''}
          onChange={(event) => onChange(event.target.value || undefined)}
          className={control}
        >
          <option value="">{t.any}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A day; the API also takes a time, which the URL may carry and this control shows as its day. */
function DateChoice({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <Field label={label}>
      {(id) => (
        <input
          id={id}
          type="date"
          value={value?.slice(0, 10) ?? ''}
          onChange={(event) => onChange(event.target.value || undefined)}
          className={control}
        />
      )}
    </Field>
  );
}

/** Labels for the filters in use, for the active-filter chips and the empty state. */
export function describeFilters(
  filters: ListFilters,
): { name: keyof ListFilters; label: string }[] {
  const shown: Record<keyof ListFilters, (raw: string) => string> = {
    status: (raw) => `${t.status}: ${messages.status[raw as KnownStatus] ?? raw}`,
    priority: (raw) => `${t.priority}: ${messages.priority[raw as KnownPriority] ?? raw}`,
    channel: (raw) => `${t.channel}: ${channelName(raw)}`,
    unread: (raw) => `${t.unread}: ${raw === 'true' ? t.unreadOnly : t.readOnly}`,
    createdAt: (raw) => `${t.createdFrom}: ${raw}`,
    endDate: (raw) => `${t.createdUntil}: ${raw}`,
    agentId: (raw) => `${t.agentId}: ${raw}`,
    assigneeId: (raw) => `${t.assigneeId}: ${raw}`,
  };
  return (Object.entries(filters) as [keyof ListFilters, string | undefined][])
    .filter((entry): entry is [keyof ListFilters, string] => Boolean(entry[1]))
    .map(([name, raw]) => ({ name, label: shown[name](raw) }));
}

/** The filter bar: every control writes the page URL, so a view can be shared and walked back. */
export function TriageFilters({
  view,
  onChange,
}: {
  view: ListView;
  onChange: (view: ListView) => void;
}) {
  const setFilter = (name: keyof ListFilters, value: string | undefined) =>
    onChange({ ...view, filters: { ...view.filters, [name]: value } });
  const active = describeFilters(view.filters);
  // On a phone the controls fold away, so the list starts on the first screen.
  const [open, setOpen] = useState(false);
  const controlsId = useId();

  return (
    <section
      aria-label={t.filtersLabel}
      className="space-y-3 rounded-lg border border-line bg-surface p-3 sm:p-4"
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={controlsId}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center justify-between rounded-md border border-line px-3 py-1.5 text-sm font-medium sm:hidden"
      >
        {active.length > 0 ? `${t.filtersLabel} (${active.length})` : t.filtersLabel}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div
        id={controlsId}
        className={`${open ? 'grid' : 'hidden'} grid-cols-2 gap-3 sm:grid sm:grid-cols-3 lg:grid-cols-7`}
      >
        <Choice
          label={t.status}
          value={view.filters.status}
          options={knownStatuses.map((status) => ({
            value: status,
            label: messages.status[status],
          }))}
          onChange={(value) => setFilter('status', value)}
        />
        <Choice
          label={t.priority}
          value={view.filters.priority}
          options={knownPriorities.map((priority) => ({
            value: priority,
            label: messages.priority[priority],
          }))}
          onChange={(value) => setFilter('priority', value)}
        />
        <Choice
          label={t.channel}
          value={view.filters.channel}
          options={knownChannels.map((channel) => ({
            value: channel,
            label: channelName(channel),
          }))}
          onChange={(value) => setFilter('channel', value)}
        />
        <Choice
          label={t.unread}
          value={view.filters.unread}
          options={[
            { value: 'true', label: t.unreadOnly },
            { value: 'false', label: t.readOnly },
          ]}
          onChange={(value) => setFilter('unread', value)}
        />
        <DateChoice
          label={t.createdFrom}
          value={view.filters.createdAt}
          onChange={(value) => setFilter('createdAt', value)}
        />
        <DateChoice
          label={t.createdUntil}
          value={view.filters.endDate}
          onChange={(value) => setFilter('endDate', value)}
        />
        <Field label={t.sort}>
          {(id) => (
            <select
              id={id}
              value={view.sort}
              onChange={(event) => onChange({ ...view, sort: event.target.value as SortOrder })}
              className={control}
            >
              {sortOrders.map((order) => (
                <option key={order} value={order}>
                  {t.sorts[order]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t.search}>
        {(id) => (
          <input
            id={id}
            type="search"
            value={view.query}
            placeholder={t.searchHint}
            onChange={(event) => onChange({ ...view, query: event.target.value })}
            className={control}
          />
        )}
      </Field>
      {active.length > 0 && (
        <ul className="flex flex-wrap items-center gap-1.5" aria-label={t.filtersLabel}>
          {active.map(({ name, label }) => (
            <li key={name}>
              <button
                type="button"
                onClick={() => setFilter(name, undefined)}
                aria-label={t.removeFilter(label)}
                className="inline-flex items-center gap-1 rounded-full border border-accent/40 bg-accent/10 px-2 py-0.5 text-xs text-accent hover:bg-accent/20"
              >
                {label} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
