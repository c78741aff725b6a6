import { isFilterActive, type Completion, type Correctness } from '../../../lib/traces/trace-filter'
import type { Dataset, TraceStatus } from '../../../lib/traces/trace-model'
import { useTraceFilterStore } from '../../../stores/trace-filter-store'
import { RangeFilters } from './range-filters'

const STATUSES: TraceStatus[] = ['todo', 'in-progress', 'done']
const CORRECTNESS: Correctness[] = ['correct', 'incorrect', 'unknown']
const COMPLETION: Completion[] = ['finished', 'truncated']

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value]
}

/**
 * The table's filters: dataset (on the all-traces page), status, correctness, tags and metric
 * ranges. The state lives in the shared filter store, which the stats view reads too.
 */
export function FilterPanel({ datasets, tags }: { datasets: Dataset[] | null; tags: string[] }) {
  const filter = useTraceFilterStore((s) => s.filter)
  const setFilter = useTraceFilterStore((s) => s.setFilter)
  const reset = useTraceFilterStore((s) => s.reset)
  const checks = <T extends string>(
    legend: string,
    values: readonly T[],
    chosen: T[],
    onChange: (next: T[]) => void,
    label: (v: T) => string = String,
  ) => (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v}>
          <input
            type="checkbox"
            checked={chosen.includes(v)}
            onChange={() => onChange(toggle(chosen, v))}
          />{' '}
          {label(v)}
        </label>
      ))}
    </fieldset>
  )
  const names = new Map(datasets?.map((d) => [d.id, d.name]))
  return (
    <details className="filter-panel">
      <summary>
        Filters
        {isFilterActive({
          ...filter,
          searchHits: null,
          datasetIds: datasets ? filter.datasetIds : [],
        })
          ? ' (active)'
          : ''}
      </summary>
      <div className="filter-groups">
        {datasets &&
          checks(
            'Dataset',
            datasets.map((d) => d.id),
            filter.datasetIds,
            (datasetIds) => setFilter({ datasetIds }),
            (id) => names.get(id) ?? id,
          )}
        {checks('Status', STATUSES, filter.statuses, (statuses) => setFilter({ statuses }))}
        {checks('Correct', CORRECTNESS, filter.correctness, (correctness) =>
          setFilter({ correctness }),
        )}
        {checks('Finished', COMPLETION, filter.completion, (completion) =>
          setFilter({ completion }),
        )}
        {tags.length > 0 &&
          checks('Tags (all of)', tags, filter.tags, (t) => setFilter({ tags: t }))}
        <RangeFilters />
      </div>
      <button
        type="button"
        onClick={() => {
          const { searchHits } = filter
          reset()
          setFilter({ searchHits })
        }}
      >
        Clear filters
      </button>
    </details>
  )
}
