/**
 * The summary a researcher can publish (issue #9), per dataset and group: n; pivots per 1,000
 * words pooled (all pivots / all words) and the mean and median of the per-trace densities, each
 * with a 95% percentile bootstrap interval (fixed seed, bootstrap.ts); the same per pivot
 * category; the share of traces with at least 3 pivot types, with its interval; mean words,
 * mean backtracks and the share of truncated traces.
 */
import type { Trace } from '../traces/trace-model'
import { bootstrapIntervals, drawnMean, drawnMedian, drawnRatio, type Interval } from './bootstrap'
import { MIN_PIVOT_TYPES } from './style-stats'
import { mean, median, type TraceGroup } from './trace-groups'

export interface Estimate {
  value: number | null
  interval: Interval | null
}

export interface DensityEstimates {
  pooled: Estimate
  mean: Estimate
  median: Estimate
}

export interface PublishRow {
  dataset: string
  split: string
  n: number
  density: DensityEstimates
  /** Per lexicon category id, in the lexicon's order. */
  categories: { id: string; name: string; density: DensityEstimates }[]
  shareAtLeast3Types: Estimate
  meanWords: number | null
  meanBacktracks: number | null
  truncatedShare: number | null
}

export interface CategoryRef {
  id: string
  name: string
}

/** Pivots per 1,000 words of one trace for a pivot count (0 for a trace without words). */
export function densityOf(pivots: number, words: number): number {
  return words === 0 ? 0 : (pivots / words) * 1000
}

export function publishRow(group: TraceGroup, categories: readonly CategoryRef[]): PublishRow {
  const traces = group.traces
  const n = traces.length
  const words = Float64Array.from(traces, (t) => t.metrics.words)
  const counts = [
    Float64Array.from(traces, (t) => t.metrics.pivotTotal),
    ...categories.map((c) => Float64Array.from(traces, (t) => t.metrics.pivots[c.id] ?? 0)),
  ]
  const densities = counts.map((c) => c.map((pivots, i) => densityOf(pivots, words[i]!)))
  const rich = Float64Array.from(traces, (t) =>
    t.metrics.pivotCategories >= MIN_PIVOT_TYPES ? 1 : 0,
  )
  const statistics = [
    ...counts.flatMap((c, k) => [
      (d: Uint32Array) => drawnRatio(c, words, d, 1000),
      (d: Uint32Array) => drawnMean(densities[k]!, d),
      (d: Uint32Array) => drawnMedian(densities[k]!, d),
    ]),
    (d: Uint32Array) => drawnMean(rich, d),
  ]
  const intervals = bootstrapIntervals(n, statistics)
  const estimates = counts.map((c, k): DensityEstimates => ({
    pooled: { value: pooled(c, words), interval: intervals[3 * k]! },
    mean: { value: mean([...densities[k]!]), interval: intervals[3 * k + 1]! },
    median: { value: median([...densities[k]!]), interval: intervals[3 * k + 2]! },
  }))
  return {
    dataset: group.dataset,
    split: group.split,
    n,
    density: estimates[0]!,
    categories: categories.map((c, i) => ({ ...c, density: estimates[i + 1]! })),
    shareAtLeast3Types: { value: mean([...rich]), interval: intervals.at(-1)! },
    meanWords: mean([...words]),
    meanBacktracks: mean(traces.map((t) => t.metrics.backtracks)),
    truncatedShare: n === 0 ? null : traces.filter((t) => t.truncated).length / n,
  }
}

export function publishRows(
  groups: readonly TraceGroup[],
  categories: readonly CategoryRef[],
): PublishRow[] {
  return groups.map((g) => publishRow(g, categories))
}

function pooled(pivots: Float64Array, words: Float64Array): number | null {
  let a = 0
  let b = 0
  for (let i = 0; i < pivots.length; i++) {
    a += pivots[i]!
    b += words[i]!
  }
  return b === 0 ? null : (a / b) * 1000
}

/** For the paired comparison: the per-trace density (pivots per 1k words). */
export function traceDensity(t: Trace): number {
  return densityOf(t.metrics.pivotTotal, t.metrics.words)
}
