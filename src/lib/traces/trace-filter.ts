/**
 * The table's filter over trace summaries (DESIGN section 5), shared by the traces table and
 * the stats view ("for the table's current filter"). Pure: it reads only `traces` rows, never
 * texts; a text search contributes the set of matching trace ids it found in the worker.
 */
import type { Trace, TraceMetrics, TraceStatus } from './trace-model'

export type Correctness = 'correct' | 'incorrect' | 'unknown'
/** Whether the model finished (src/lib/import/truncation.ts). */
export type Completion = 'finished' | 'truncated'

/** Metrics that can be filtered by range: the numeric fields of TraceMetrics. */
export type RangeMetric = {
  [K in keyof TraceMetrics]: TraceMetrics[K] extends number ? K : never
}[keyof TraceMetrics]

export interface MetricRange {
  min?: number
  max?: number
}

export interface TraceFilter {
  /** Empty means every dataset. */
  datasetIds: string[]
  /** Empty means any status. */
  statuses: TraceStatus[]
  /** A trace passes when it has every one of these tags. */
  tags: string[]
  /** Empty means any correctness. */
  correctness: Correctness[]
  /** Empty means finished and truncated traces alike. */
  completion: Completion[]
  ranges: Partial<Record<RangeMetric, MetricRange>>
  /** Ids of the traces a text search matched; null when no search is active. */
  searchHits: ReadonlySet<string> | null
}

export const EMPTY_FILTER: TraceFilter = {
  datasetIds: [],
  statuses: [],
  tags: [],
  correctness: [],
  completion: [],
  ranges: {},
  searchHits: null,
}

export function correctnessOf(trace: Pick<Trace, 'correct'>): Correctness {
  if (trace.correct === null) return 'unknown'
  return trace.correct ? 'correct' : 'incorrect'
}

export function completionOf(trace: Pick<Trace, 'truncated'>): Completion {
  return trace.truncated ? 'truncated' : 'finished'
}

export function matchesFilter(trace: Trace, f: TraceFilter): boolean {
  if (f.datasetIds.length > 0 && !f.datasetIds.includes(trace.datasetId)) return false
  if (f.statuses.length > 0 && !f.statuses.includes(trace.status)) return false
  if (f.correctness.length > 0 && !f.correctness.includes(correctnessOf(trace))) return false
  if (f.completion.length > 0 && !f.completion.includes(completionOf(trace))) return false
  if (f.tags.some((t) => !trace.tags.includes(t))) return false
  for (const [metric, range] of Object.entries(f.ranges) as [RangeMetric, MetricRange][]) {
    const value = trace.metrics[metric]
    if (range.min !== undefined && value < range.min) return false
    if (range.max !== undefined && value > range.max) return false
  }
  return f.searchHits === null || f.searchHits.has(trace.id)
}

export function isFilterActive(f: TraceFilter): boolean {
  return (
    f.datasetIds.length +
      f.statuses.length +
      f.tags.length +
      f.correctness.length +
      f.completion.length >
      0 ||
    Object.keys(f.ranges).length > 0 ||
    f.searchHits !== null
  )
}
