import { useDeferredValue, useId, useMemo, useState } from 'react';
import { JsonValue } from '@/components/ui/json-value';
import { Panel } from '@/components/ui/panel';
import { useShowMore } from '@/components/ui/show-more';
import { messages } from '@/lib/messages';
import type { Section, Variable } from '@/lib/conversation/conversation-model';

const t = messages.variables;
/** Past this many variables a filter box earns its place. */
const FILTER_THRESHOLD = 8;
const PAGE_SIZE = 100;

interface LabelledVariable {
  variable: Variable;
  label: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A value as searchable text; structured values are serialised once and remembered. */
const serialised = new WeakMap<object, string>();
function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return String(value);
  let text = serialised.get(value);
  if (text === undefined) {
    text = JSON.stringify(value) ?? '';
    serialised.set(value, text);
  }
  return text;
}

export function VariablesPanel({ variables }: { variables: Section<Variable> }) {
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter.trim());
  const labelled = useMemo(
    () =>
      variables.items.map((variable, index): LabelledVariable => ({
        variable,
        label: variable.name || t.unnamed(index),
      })),
    [variables.items],
  );
  // A case-insensitive scan of names and values on each search, rather than a lower-cased copy
  // of every value made up front: 5,000 variables can carry megabytes of text, and the
  // conversation must show before anybody filters it.
  const matching = useMemo(() => {
    if (!query) return labelled;
    const pattern = new RegExp(escapeRegExp(query), 'iu');
    return labelled.filter(
      ({ variable, label }) => pattern.test(label) || pattern.test(valueText(variable.value)),
    );
  }, [labelled, query]);
  const { shown, more } = useShowMore(matching, PAGE_SIZE);
  const total = variables.items.length;

  return (
    <Panel
      title={messages.panels.variables}
      count={total}
      empty={messages.empty.variables}
      unreadable={variables.unreadable}
      actions={
        total > FILTER_THRESHOLD && (
          <>
            <label htmlFor={filterId} className="sr-only">
              {t.filterLabel}
            </label>
            <input
              id={filterId}
              type="search"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              placeholder={t.filterLabel}
              className="h-7 w-36 rounded-md border border-line bg-canvas px-2 text-xs sm:w-48"
            />
          </>
        )
      }
    >
      {query && (
        <p className="mb-2 text-xs text-muted" role="status">
          {t.shown(matching.length, total)}
        </p>
      )}
      {matching.length === 0 ? (
        <p className="text-muted">{messages.empty.filter(filter.trim())}</p>
      ) : (
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1.5 sm:grid-cols-[minmax(8rem,max-content)_minmax(0,1fr)]">
          {shown.map(({ variable, label }, index) => (
            <div key={`${label}-${index}`} className="contents">
              <dt className="font-mono text-xs text-muted break-all sm:pt-0.5">{label}</dt>
              <dd className="min-w-0 pb-1.5 sm:pb-0">
                <JsonValue value={variable.value} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {more}
    </Panel>
  );
}
