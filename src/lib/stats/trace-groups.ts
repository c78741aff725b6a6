/**
 * Groups of trace summaries for the stats view: by dataset, and within each dataset by a split
 * (correctness, finished or truncated, model, tag), so that every chart and the summary can be
 * split by both. Reads only `traces` rows (metrics), never texts.
 */
import { completionOf, correctnessOf } from '../traces/trace-filter'
import type { Trace } from '../traces/trace-model'

export const CORRECTNESS_ORDER: readonly string[] = ['correct', 'incorrect', 'unknown']

/** What the traces of a dataset are split by. */
export type SplitBy = 'none' | 'correctness' | 'truncated' | 'model' | 'tag'

export const SPLITS: readonly { by: SplitBy; label: string }[] = [
  { by: 'correctness', label: 'correctness' },
  { by: 'truncated', label: 'finished or truncated' },
  { by: 'model', label: 'model' },
  { by: 'tag', label: 'tag' },
  { by: 'none', label: 'nothing' },
]

/** The value every dataset's whole group has in its split. */
export const ALL = 'all'

/** The split's values of one trace (a trace with two tags is in both tags' groups). */
function splitValues(trace: Trace, by: SplitBy): string[] {
  switch (by) {
    case 'none':
      return []
    case 'correctness':
      return [correctnessOf(trace)]
    case 'truncated':
      return [completionOf(trace)]
    case 'model':
      return [trace.model || '(no model)']
    case 'tag':
      return trace.tags.length > 0 ? trace.tags : ['(no tag)']
  }
}

const FIXED_ORDER: Partial<Record<SplitBy, readonly string[]>> = {
  correctness: CORRECTNESS_ORDER,
  truncated: ['finished', 'truncated'],
}

export interface TraceGroup {
  datasetId: string
  dataset: string
  /** The group's value of the split (`all` for the dataset's whole group). */
  split: string
  traces: Trace[]
}

/**
 * One `all` group per dataset, plus one per dataset and split value present; datasets in the
 * order of `names`, then the split's values in their natural order (correct, incorrect,
 * unknown; finished, truncated) or alphabetically.
 */
export function groupTraces(
  traces: readonly Trace[],
  names: ReadonlyMap<string, string>,
  by: SplitBy = 'correctness',
): TraceGroup[] {
  const byKey = new Map<string, TraceGroup>()
  const add = (trace: Trace, split: string) => {
    const key = `${trace.datasetId}\u0000${split}`
    let group = byKey.get(key)
    if (group === undefined) {
      const dataset = names.get(trace.datasetId) ?? trace.datasetId
      group = { datasetId: trace.datasetId, dataset, split, traces: [] }
      byKey.set(key, group)
    }
    group.traces.push(trace)
  }
  for (const trace of traces) {
    add(trace, ALL)
    for (const value of splitValues(trace, by)) add(trace, value)
  }
  const datasetOrder = [...names.keys()]
  const fixed = FIXED_ORDER[by] ?? []
  const rank = (g: TraceGroup) => [
    datasetOrder.indexOf(g.datasetId) === -1 ? Infinity : datasetOrder.indexOf(g.datasetId),
    g.split === ALL ? -2 : fixed.includes(g.split) ? fixed.indexOf(g.split) : fixed.length,
  ]
  return [...byKey.values()].sort((a, b) => {
    const [da, ca] = rank(a)
    const [db, cb] = rank(b)
    return (
      da! - db! || ca! - cb! || a.dataset.localeCompare(b.dataset) || a.split.localeCompare(b.split)
    )
  })
}

/** The split values present in some groups, in the groups' order (the facets of a chart). */
export function splitValuesOf(rows: readonly { split: string }[]): string[] {
  return [...new Set(rows.map((r) => r.split))]
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null
  let sum = 0
  for (const v of values) sum += v
  return sum / values.length
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
