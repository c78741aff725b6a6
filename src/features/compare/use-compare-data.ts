/**
 * What the compare view reads: which traces a link names (directly, or every trace of one
 * problem), each pane's trace with its texts and spans, and the datasets for names and colours.
 * Live: a span added in a pane, or a dataset renamed, shows at once.
 */
import { useMemo } from 'react'
import { useTracesOfProblem } from '../../data/compare'
import { useReadyDatasets } from '../../data/datasets'
import { MAX_PANES, type CompareQuery } from '../../lib/compare/compare-link'
import { datasetColours, shortNames } from '../../lib/compare/dataset-labels'
import type { Dataset, Trace } from '../../lib/traces/trace-model'

export { usePaneTraces, type PaneTrace } from '../../data/compare'

export type CompareSelection =
  | { kind: 'loading' }
  | { kind: 'empty'; message: string }
  /** A problem with more than four traces and no choice among them yet. */
  | { kind: 'picker'; problem: string; candidates: Trace[] }
  | { kind: 'ready'; ids: string[]; problem: string | null; candidates: Trace[] }

export function useCompareSelection(query: CompareQuery): CompareSelection {
  const { problem } = query
  const ids = query.ids.join(',')
  const found = useTracesOfProblem(problem)
  const candidates = useMemo(() => found && sortCandidates([...found]), [found])
  return useMemo((): CompareSelection => {
    const wanted = ids ? ids.split(',') : []
    if (!problem) {
      if (wanted.length === 0)
        return { kind: 'empty', message: 'No traces named: tick two to four in the table.' }
      return { kind: 'ready', ids: wanted.slice(0, MAX_PANES), problem: null, candidates: [] }
    }
    if (candidates === undefined) return { kind: 'loading' }
    if (candidates.length === 0)
      return { kind: 'empty', message: 'No stored trace answers this problem.' }
    const known = new Set(candidates.map((t) => t.id))
    const chosen = wanted.filter((id) => known.has(id)).slice(0, MAX_PANES)
    if (chosen.length > 0) return { kind: 'ready', ids: chosen, problem, candidates }
    if (candidates.length <= MAX_PANES)
      return { kind: 'ready', ids: candidates.map((t) => t.id), problem, candidates }
    return { kind: 'picker', problem, candidates }
  }, [ids, problem, candidates])
}

/** The traces of a problem by dataset, then source order: panes come out in a stable order. */
function sortCandidates(traces: Trace[]): Trace[] {
  return traces.sort(
    (a, b) =>
      (a.datasetId < b.datasetId ? -1 : a.datasetId > b.datasetId ? 1 : 0) || a.ordinal - b.ordinal,
  )
}

export interface DatasetLabel {
  dataset: Dataset | undefined
  name: string
  short: string
  color: string
}

/**
 * A label per dataset id among `shown`: the colour is the dataset's own (import order among
 * all datasets), the short name what its name does not share with the others shown.
 */
export function useDatasetLabels(shown: readonly string[]): Map<string, DatasetLabel> {
  const datasets = useReadyDatasets()
  const key = [...new Set(shown)].join(',')
  return useMemo(() => {
    const ids = key ? key.split(',') : []
    const all = datasets ?? []
    const colours = datasetColours(all)
    const byId = new Map(all.map((d) => [d.id, d]))
    const names = ids.map((id) => byId.get(id)?.name ?? 'unknown dataset')
    const shorts = shortNames(names)
    return new Map(
      ids.map((id, i) => [
        id,
        {
          dataset: byId.get(id),
          name: names[i]!,
          short: shorts[i]!,
          color: colours.get(id) ?? '#94a3b8',
        },
      ]),
    )
  }, [datasets, key])
}
