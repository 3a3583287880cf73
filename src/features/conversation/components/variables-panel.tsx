import { useDeferredValue, useId, useMemo, useState } from 'react';
import { JsonValue } from '@/components/ui/json-value';
import { Panel } from '@/components/ui/panel';
import { useShowMore } from '@/components/ui/show-more';
import { messages } from '@/lib/messages';
import type { Section, Variable } from '../api/conversation-schema';

const t = messages.variables;
/** Past this many variables a filter box earns its place. */
const FILTER_THRESHOLD = 8;
const PAGE_SIZE = 100;

interface IndexedVariable {
  variable: Variable;
  label: string;
  /** Name and value in lower case, computed once so each keystroke only compares strings. */
  searchText: string;
}

function indexVariables(variables: Variable[]): IndexedVariable[] {
  return variables.map((variable, index) => {
    const label = variable.name || t.unnamed(index);
    const value =
      typeof variable.value === 'string' ? variable.value : (JSON.stringify(variable.value) ?? '');
    return { variable, label, searchText: `${label}\n${value}`.toLowerCase() };
  });
}

export function VariablesPanel({ variables }: { variables: Section<Variable> }) {
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter.trim().toLowerCase());
  const indexed = useMemo(() => indexVariables(variables.items), [variables.items]);
  const matching = useMemo(
    () => (query ? indexed.filter((entry) => entry.searchText.includes(query)) : indexed),
    [indexed, query],
  );
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
