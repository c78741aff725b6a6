/**
 * Datasets against each other where their traces pair up by problem (`problemHash`): for each
 * problem found in the reference dataset (the first) and at least one other, the metric's value
 * in each dataset (the mean when a dataset holds several traces of the problem) and each
 * dataset's difference from the reference. Rows come sorted by the largest difference.
 */
import { metricValue, type NumericMetric } from '../analysis/metric-definitions'
import type { Trace } from '../traces/trace-model'

export interface PairedRow {
  problemHash: string
  problemPreview: string
  /** Per dataset, in the order given: the value, null where the dataset lacks the problem. */
  values: (number | null)[]
  /** Per dataset: the traces of the problem (first by source order). */
  traceIds: string[][]
  /** Per dataset: value minus the reference's (0 for the reference itself), null when absent. */
  differences: (number | null)[]
  /** The difference of largest magnitude, signed: what the list is sorted by. */
  largest: number
}

export function pairedDifferences(
  datasetIds: readonly string[],
  traces: readonly Trace[],
  metric: NumericMetric,
): PairedRow[] {
  const column = new Map(datasetIds.map((id, i) => [id, i]))
  const byProblem = new Map<string, Trace[][]>()
  for (const t of traces) {
    const i = column.get(t.datasetId)
    if (i === undefined) continue
    let cells = byProblem.get(t.problemHash)
    if (!cells) byProblem.set(t.problemHash, (cells = datasetIds.map(() => [])))
    cells[i]!.push(t)
  }
  const rows: PairedRow[] = []
  for (const [problemHash, cells] of byProblem) {
    if (cells[0]!.length === 0 || cells.filter((c) => c.length > 0).length < 2) continue
    const values = cells.map((c) => meanOf(c, metric))
    const reference = values[0]!
    const differences = values.map((v) => (v === null || reference === null ? null : v - reference))
    const largest = differences.reduce<number>(
      (best, d) => (d !== null && Math.abs(d) > Math.abs(best) ? d : best),
      0,
    )
    const ordered = cells.map((c) => [...c].sort((a, b) => a.ordinal - b.ordinal))
    rows.push({
      problemHash,
      problemPreview: ordered.find((c) => c.length > 0)![0]!.problemPreview,
      values,
      traceIds: ordered.map((c) => c.map((t) => t.id)),
      differences,
      largest,
    })
  }
  return rows.sort(
    (a, b) => Math.abs(b.largest) - Math.abs(a.largest) || (a.problemHash < b.problemHash ? -1 : 1),
  )
}

function meanOf(traces: readonly Trace[], metric: NumericMetric): number | null {
  const values = traces
    .map((t) => metricValue(t.metrics, metric))
    .filter((v): v is number => v !== null)
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length
}

/** Long rows for the slope chart: one point per problem and dataset. */
export interface SlopePoint {
  problemHash: string
  dataset: string
  value: number
}

export function slopePoints(rows: readonly PairedRow[], datasetNames: readonly string[]) {
  const points: SlopePoint[] = []
  for (const r of rows) {
    r.values.forEach((value, i) => {
      if (value !== null)
        points.push({ problemHash: r.problemHash, dataset: datasetNames[i]!, value })
    })
  }
  return points
}

/** How many problems of the reference (the first dataset) another of the datasets also answers. */
export function problemsInCommon(datasetIds: readonly string[], traces: readonly Trace[]): number {
  const [reference, ...others] = datasetIds
  const inReference = new Set<string>()
  const inOthers = new Set<string>()
  const rest = new Set(others)
  for (const t of traces) {
    if (t.datasetId === reference) inReference.add(t.problemHash)
    else if (rest.has(t.datasetId)) inOthers.add(t.problemHash)
  }
  let n = 0
  for (const hash of inReference) if (inOthers.has(hash)) n++
  return n
}
