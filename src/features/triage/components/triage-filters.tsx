import { useId, useState, type ReactNode } from 'react';
import { messages } from '@/lib/messages';
import { triageMessages } from '../triage-messages';
import { knownPriorities, knownStatuses, type KnownPriority } from '@/config/conversation-values';
import {
  isValidFilter,
  sortOrders,
  type ListFilters,
  type ListView,
  type SortOrder,
  type StatusScope,
} from '../api/list-filters';
import { channelName, knownChannels } from '@/components/conversation/channel-label';

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
  const t = triageMessages();
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

/**
 * Free text, a number or an id: written to the URL when the agent leaves the box or presses
 * Enter, not on every keystroke (each change is a request and a history entry).
 */
function TextChoice({
  label,
  value,
  onChange,
  valid,
  numeric,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  /** Whether the URL keeps a value: one it would drop is never sent. */
  valid: (value: string) => boolean;
  numeric?: { min: number; max: number };
}) {
  const [draft, setDraft] = useState(value ?? '');
  // A new value from the URL (Back, a chip removed, a value the URL would not keep) replaces
  // what was typed; the box itself stays, and with it the keyboard's focus.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value ?? '');
  }
  const commit = () => {
    const next = draft.trim() || undefined;
    if (next !== undefined && !valid(next))
      setDraft(value ?? ''); // the box shows what holds
    else if (next !== value) onChange(next);
  };
  return (
    <Field label={label}>
      {(id) => (
        <input
          id={id}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          type={numeric ? 'number' : 'text'}
          min={numeric?.min}
          max={numeric?.max}
          inputMode={numeric ? 'numeric' : undefined}
          onBlur={commit}
          onKeyDown={(event) => event.key === 'Enter' && commit()}
          className={control}
        />
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

const statusScopeName = (scope: StatusScope) =>
  scope === 'open' || scope === 'all' ? triageMessages().scopes[scope] : messages.status[scope];

/** Labels for the filters in use, for the active-filter chips and the empty state. */
export function describeFilters({ statuses, filters }: Pick<ListView, 'statuses' | 'filters'>): {
  name: keyof ListFilters | 'status';
  label: string;
}[] {
  const t = triageMessages();
  const shown: Record<keyof ListFilters, (raw: string) => string> = {
    priority: (raw) => `${t.priority}: ${messages.priority[raw as KnownPriority] ?? raw}`,
    channel: (raw) => `${t.channel}: ${channelName(raw)}`,
    unread: (raw) => `${t.unread}: ${raw === 'true' ? t.unreadOnly : t.readOnly}`,
    createdAt: (raw) => `${t.createdFrom}: ${raw}`,
    endDate: (raw) => `${t.createdUntil}: ${raw}`,
    agentId: (raw) => `${t.agentId}: ${raw}`,
    assigneeId: (raw) => `${t.assigneeId}: ${raw}`,
    tag: (raw) => `${t.tag}: ${raw}`,
    ai: (raw) => (raw === 'enabled' ? messages.conversation.aiOn : messages.conversation.aiOff),
    frustrationMin: (raw) => `${t.frustrationMin}: ${raw}`,
    frustrationMax: (raw) => `${t.frustrationMax}: ${raw}`,
    npsRating: (raw) => `${t.npsRating}: ${raw}`,
    crmScenarioId: (raw) => `${t.crmScenarioId}: ${raw}`,
    crmStepId: (raw) => `${t.crmStepId}: ${raw}`,
    adSourceId: (raw) => `${t.adSourceId}: ${raw}`,
  };
  const status =
    statuses === 'open'
      ? []
      : [{ name: 'status' as const, label: `${t.status}: ${statusScopeName(statuses)}` }];
  return [
    ...status,
    ...(Object.entries(filters) as [keyof ListFilters, string | undefined][])
      .filter((entry): entry is [keyof ListFilters, string] => Boolean(entry[1]))
      .map(([name, raw]) => ({ name, label: shown[name](raw) })),
  ];
}

/** The filter bar: every control writes the page URL, so a view can be shared and walked back. */
export function TriageFilters({
  view,
  onChange,
}: {
  view: ListView;
  onChange: (view: ListView) => void;
}) {
  const t = triageMessages();
  const setFilter = (name: keyof ListFilters, value: string | undefined) =>
    onChange({ ...view, filters: { ...view.filters, [name]: value } });
  const removeFilter = (name: keyof ListFilters | 'status') =>
    name === 'status' ? onChange({ ...view, statuses: 'open' }) : setFilter(name, undefined);
  const active = describeFilters(view);
  const extraFilter = (
    name: keyof ListFilters,
    label: string,
    numeric?: { min: number; max: number },
  ) => (
    <TextChoice
      label={label}
      value={view.filters[name]}
      numeric={numeric}
      valid={(value) => isValidFilter(name, value)}
      onChange={(value) => setFilter(name, value)}
    />
  );
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
        <Field label={t.status}>
          {(id) => (
            <select
              id={id}
              value={view.statuses}
              onChange={(event) =>
                onChange({ ...view, statuses: event.target.value as StatusScope })
              }
              className={control}
            >
              {(['open', ...knownStatuses, 'all'] as const).map((scope) => (
                <option key={scope} value={scope}>
                  {statusScopeName(scope)}
                </option>
              ))}
            </select>
          )}
        </Field>
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
      <details className={`${open ? 'block' : 'hidden'} sm:block`}>
        <summary className="cursor-pointer text-sm font-medium text-accent">
          {t.moreFilters}
        </summary>
        <div className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8">
          {extraFilter('tag', t.tag)}
          <Choice
            label={t.ai}
            value={view.filters.ai}
            options={[
              { value: 'enabled', label: messages.conversation.aiOn },
              { value: 'disabled', label: messages.conversation.aiOff },
            ]}
            onChange={(value) => setFilter('ai', value)}
          />
          {extraFilter('frustrationMin', t.frustrationMin, { min: 0, max: 100 })}
          {extraFilter('frustrationMax', t.frustrationMax, { min: 0, max: 100 })}
          {extraFilter('npsRating', t.npsRating, { min: 0, max: 10 })}
          {extraFilter('crmScenarioId', t.crmScenarioId)}
          {extraFilter('crmStepId', t.crmStepId)}
          {extraFilter('adSourceId', t.adSourceId)}
        </div>
      </details>
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
                onClick={() => removeFilter(name)}
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
