/**
 * "Pair by problem" (issue #9): two datasets over the same problems (traces paired by
 * `problemHash`). For each problem both hold, the mean pivot density of its traces in each
 * dataset and the difference (second minus first); then the mean difference over problems with a
 * paired 95% bootstrap interval (problems resampled, fixed seed).
 */
import type { Trace } from '../traces/trace-model'
import { bootstrapIntervals, drawnMean, type Interval } from './bootstrap'
import { mean } from './trace-groups'
import { traceDensity } from './publish-summary'

export interface PairedProblem {
  problemHash: string
  problemPreview: string
  first: number
  second: number
  difference: number
}

export interface PairedSummary {
  problems: PairedProblem[]
  meanFirst: number | null
  meanSecond: number | null
  meanDifference: number | null
  interval: Interval | null
  /** Problems where the second dataset's density is higher. */
  higher: number
}

export function pairByProblem(
  first: readonly Trace[],
  second: readonly Trace[],
  value: (t: Trace) => number = traceDensity,
): PairedSummary {
  const a = byProblem(first, value)
  const b = byProblem(second, value)
  const problems: PairedProblem[] = []
  for (const [hash, x] of a) {
    const y = b.get(hash)
    if (y === undefined) continue
    const mx = mean(x.values)!
    const my = mean(y.values)!
    problems.push({
      problemHash: hash,
      problemPreview: x.preview,
      first: mx,
      second: my,
      difference: my - mx,
    })
  }
  const differences = Float64Array.from(problems, (p) => p.difference)
  const [interval] = bootstrapIntervals(problems.length, [(d) => drawnMean(differences, d)])
  return {
    problems,
    meanFirst: mean(problems.map((p) => p.first)),
    meanSecond: mean(problems.map((p) => p.second)),
    meanDifference: mean([...differences]),
    interval: interval ?? null,
    higher: problems.filter((p) => p.difference > 0).length,
  }
}

function byProblem(traces: readonly Trace[], value: (t: Trace) => number) {
  const map = new Map<string, { preview: string; values: number[] }>()
  for (const t of traces) {
    const entry = map.get(t.problemHash) ?? { preview: t.problemPreview, values: [] }
    entry.values.push(value(t))
    map.set(t.problemHash, entry)
  }
  return map
}
