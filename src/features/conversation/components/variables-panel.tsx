import { useDeferredValue, useId, useState } from 'react';
import { JsonValue } from '@/components/ui/json-value';
import { Panel } from '@/components/ui/panel';
import { messages } from '@/lib/messages';
import type { Section, Variable } from '../api/conversation-schema';

const t = messages.variables;
/** Past this many variables a filter box earns its place. */
const FILTER_THRESHOLD = 8;

function matches(variable: Variable, query: string) {
  const value =
    typeof variable.value === 'string' ? variable.value : (JSON.stringify(variable.value) ?? '');
  return variable.name.toLowerCase().includes(query) || value.toLowerCase().includes(query);
}

export function VariablesPanel({ variables }: { variables: Section<Variable> }) {
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter.trim().toLowerCase());
  const total = variables.items.length;
  const shown = query
    ? variables.items.filter((variable) => matches(variable, query))
    : variables.items;

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
          {t.shown(shown.length, total)}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="text-muted">{messages.empty.filter(filter.trim())}</p>
      ) : (
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1.5 sm:grid-cols-[minmax(8rem,max-content)_minmax(0,1fr)]">
          {shown.map((variable, index) => (
            <div key={`${variable.name}-${index}`} className="contents">
              <dt className="font-mono text-xs text-muted break-all sm:pt-0.5">
                {variable.name || t.unnamed(index)}
              </dt>
              <dd className="min-w-0 pb-1.5 sm:pb-0">
                <JsonValue value={variable.value} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Panel>
  );
}
