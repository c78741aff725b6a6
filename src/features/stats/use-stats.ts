import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useActiveLexicon } from '../../data/lexicons'
import { useTraceSummaries } from '../../data/stats'
import { compiledLexicon } from '../../lib/analysis/match-pivots'
import { metricsStatus } from '../../lib/analysis/metrics-status'
import { isFilterActive, matchesFilter } from '../../lib/traces/trace-filter'
import { groupTraces, type SplitBy } from '../../lib/stats/trace-groups'
import { useTraceFilterStore } from '../../stores/trace-filter-store'

/**
 * The traces the stats view aggregates: all summaries of the chosen datasets, narrowed by the
 * table's current filter when asked.
 */
export function useStats(
  selected: ReadonlySet<string> | null,
  useTableFilter: boolean,
  split: SplitBy = 'correctness',
  hidden: ReadonlySet<string> = new Set(),
) {
  const live = useTraceSummaries()
  const lexicon = useActiveLexicon()
  const filter = useTraceFilterStore(useShallow((s) => s.filter))

  return useMemo(() => {
    if (live === undefined || lexicon === undefined) return undefined
    const ready = new Set(live.datasets.map((d) => d.id))
    const chosen = live.datasets.filter(
      (d) => (selected === null || selected.has(d.id)) && !hidden.has(d.id),
    )
    const names = new Map(chosen.map((d) => [d.id, d.name]))
    const traces = live.traces.filter(
      (t) =>
        ready.has(t.datasetId) &&
        names.has(t.datasetId) &&
        (!useTableFilter || matchesFilter(t, filter)),
    )
    return {
      datasets: live.datasets,
      chosen,
      datasetNames: chosen.map((d) => d.name),
      lexicon,
      traces,
      groups: groupTraces(traces, names, split),
      status: metricsStatus(traces, compiledLexicon(lexicon)),
      filterActive: isFilterActive(filter),
    }
  }, [live, lexicon, selected, useTableFilter, filter, split, hidden])
}
