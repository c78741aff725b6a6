/**
 * Groups of trace summaries for the stats view: by dataset and by correctness, so that every
 * chart can be split by both. Reads only `traces` rows (metrics), never texts.
 */
import { correctnessOf, type Correctness } from '../traces/trace-filter'
import type { Trace } from '../traces/trace-model'

export const CORRECTNESS_ORDER: readonly Correctness[] = ['correct', 'incorrect', 'unknown']

export interface TraceGroup {
  datasetId: string
  dataset: string
  correctness: Correctness | 'all'
  traces: Trace[]
}

/**
 * One group per dataset and correctness present, plus one `all` group per dataset; datasets in
 * the order of `names`, then correct, incorrect, unknown.
 */
export function groupTraces(
  traces: readonly Trace[],
  names: ReadonlyMap<string, string>,
): TraceGroup[] {
  const byKey = new Map<string, TraceGroup>()
  const add = (trace: Trace, correctness: TraceGroup['correctness']) => {
    const key = `${trace.datasetId}\u0000${correctness}`
    let group = byKey.get(key)
    if (group === undefined) {
      const dataset = names.get(trace.datasetId) ?? trace.datasetId
      group = { datasetId: trace.datasetId, dataset, correctness, traces: [] }
      byKey.set(key, group)
    }
    group.traces.push(trace)
  }
  for (const trace of traces) {
    add(trace, 'all')
    add(trace, correctnessOf(trace))
  }
  const datasetOrder = [...names.keys()]
  const rank = (g: TraceGroup) => [
    datasetOrder.indexOf(g.datasetId) === -1 ? Infinity : datasetOrder.indexOf(g.datasetId),
    g.correctness === 'all' ? -1 : CORRECTNESS_ORDER.indexOf(g.correctness),
  ]
  return [...byKey.values()].sort((a, b) => {
    const [da, ca] = rank(a)
    const [db, cb] = rank(b)
    return da! - db! || ca! - cb! || a.dataset.localeCompare(b.dataset)
  })
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
