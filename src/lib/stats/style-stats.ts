/**
 * The numbers behind each chart of the stats view (DESIGN section 4, "Dataset statistics"),
 * computed from trace summaries alone: metric distributions, top pivot phrases per category,
 * where pivots fall along the trace, and the share of traces using at least 3 pivot types.
 * Every function returns flat rows: what Plot draws and what the CSV export writes.
 */
import type { NumericMetric } from '../analysis/metric-definitions'
import { POSITION_BINS } from '../analysis/metrics'
import { phraseKey } from '../analysis/phrase-pattern'
import type { Lexicon } from '../traces/trace-model'
import { histogram, niceThresholds } from './histogram'
import { mean, median, type TraceGroup } from './trace-groups'

type GroupLabel = Pick<TraceGroup, 'dataset' | 'split'>
const label = (g: TraceGroup): GroupLabel => ({ dataset: g.dataset, split: g.split })

/** The traces of the paper's claim: at least 3 of the 4 pivot types. */
export const MIN_PIVOT_TYPES = 3

export interface SummaryRow extends GroupLabel {
  traces: number
  meanPivotsPer1k: number | null
  medianPivotsPer1k: number | null
  meanWords: number | null
  meanBacktracks: number | null
  shareAtLeast3Types: number | null
}

export function summaryRows(groups: readonly TraceGroup[]): SummaryRow[] {
  return groups.map((g) => {
    const density = g.traces.map((t) => t.metrics.pivotsPer1k)
    const rich = g.traces.filter((t) => t.metrics.pivotCategories >= MIN_PIVOT_TYPES).length
    return {
      ...label(g),
      traces: g.traces.length,
      meanPivotsPer1k: mean(density),
      medianPivotsPer1k: median(density),
      meanWords: mean(g.traces.map((t) => t.metrics.words)),
      meanBacktracks: mean(g.traces.map((t) => t.metrics.backtracks)),
      shareAtLeast3Types: g.traces.length === 0 ? null : rich / g.traces.length,
    }
  })
}

export interface DistributionRow extends GroupLabel {
  x0: number
  x1: number
  count: number
  /** Count divided by the group's traces with a value: groups of any size compare. */
  share: number
}

/** Histograms of one metric per group, on bins shared by all groups. */
export function distributionRows(
  groups: readonly TraceGroup[],
  metric: NumericMetric,
): DistributionRow[] {
  const valuesOf = (g: TraceGroup) =>
    g.traces.flatMap((t) => {
      const v = t.metrics[metric]
      return v === null ? [] : [v]
    })
  let min = Infinity
  let max = -Infinity
  for (const g of groups)
    for (const v of valuesOf(g)) {
      if (v < min) min = v
      if (v > max) max = v
    }
  const integer = groups.every((g) => valuesOf(g).every(Number.isInteger))
  const thresholds = niceThresholds(min, max, 30, integer)
  return groups.flatMap((g) => {
    const values = valuesOf(g)
    return histogram(values, thresholds).map((bin) => ({
      ...label(g),
      ...bin,
      share: values.length === 0 ? 0 : bin.count / values.length,
    }))
  })
}

export interface PhraseRow extends GroupLabel {
  category: string
  phrase: string
  count: number
  /** Occurrences per 1,000 words of the group's reasoning. */
  per1kWords: number
}

/**
 * The `top` most frequent phrases of each lexicon category over all groups, with their counts in
 * every group. Phrases are resolved to categories through the lexicon; counts made with another
 * lexicon whose phrases it lacks fall under "other".
 */
export function topPhraseRows(
  groups: readonly TraceGroup[],
  lexicon: Lexicon,
  top = 10,
): PhraseRow[] {
  const categoryOf = new Map<string, string>()
  for (const c of lexicon.categories)
    for (const p of c.phrases)
      if (!categoryOf.has(phraseKey(p))) categoryOf.set(phraseKey(p), c.name)
  const totals = new Map<string, number>()
  const perGroup = groups.map((g) => {
    const counts = new Map<string, number>()
    let words = 0
    for (const t of g.traces) {
      words += t.metrics.words
      for (const [phrase, n] of Object.entries(t.metrics.phraseCounts))
        counts.set(phrase, (counts.get(phrase) ?? 0) + n)
    }
    return { group: g, counts, words }
  })
  for (const { group, counts } of perGroup) {
    if (group.split !== 'all') continue
    for (const [phrase, n] of counts) totals.set(phrase, (totals.get(phrase) ?? 0) + n)
  }
  const byCategory = new Map<string, string[]>()
  for (const [phrase] of [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const category = categoryOf.get(phraseKey(phrase)) ?? 'other'
    const list = byCategory.get(category) ?? []
    if (list.length < top) list.push(phrase)
    byCategory.set(category, list)
  }
  const rows: PhraseRow[] = []
  for (const [category, phrases] of byCategory) {
    for (const phrase of phrases) {
      for (const { group, counts, words } of perGroup) {
        const count = counts.get(phrase) ?? 0
        rows.push({
          ...label(group),
          category,
          phrase,
          count,
          per1kWords: words === 0 ? 0 : (count / words) * 1000,
        })
      }
    }
  }
  return rows
}

export interface PositionRow extends GroupLabel {
  /** 0..9: the tenth of the reasoning. */
  bin: number
  /** Middle of the tenth, 0.05..0.95, for the x axis. */
  position: number
  count: number
  /** Share of the group's pivots that start in this tenth. */
  share: number
}

export function positionRows(groups: readonly TraceGroup[]): PositionRow[] {
  return groups.flatMap((g) => {
    const counts = new Array<number>(POSITION_BINS).fill(0)
    for (const t of g.traces)
      t.metrics.pivotPositions.forEach((n, i) => (counts[i] = (counts[i] ?? 0) + n))
    const total = counts.reduce((a, b) => a + b, 0)
    return counts.map((count, bin) => ({
      ...label(g),
      bin,
      position: (bin + 0.5) / POSITION_BINS,
      count,
      share: total === 0 ? 0 : count / total,
    }))
  })
}
