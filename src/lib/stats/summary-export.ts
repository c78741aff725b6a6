/**
 * The publishable summary (publish-summary.ts) as CSV (every figure with its interval, per
 * category too) and as a LaTeX booktabs table (the headline figures with their intervals).
 */
import { toCsv, type CsvCell } from './csv'
import { latexEscape, toLatexTable } from './latex'
import type { Estimate, PublishRow } from './publish-summary'

const estimateCells = (e: Estimate): CsvCell[] => [
  e.value,
  e.interval?.lo ?? null,
  e.interval?.hi ?? null,
]
const estimateHeader = (name: string) => [name, `${name}_ci_lo`, `${name}_ci_hi`]

export function summaryCsv(rows: readonly PublishRow[], splitName: string): string {
  const categories = rows[0]?.categories ?? []
  const header = [
    'dataset',
    splitName,
    'n',
    ...estimateHeader('pooled_pivots_per_1k'),
    ...estimateHeader('mean_pivots_per_1k'),
    ...estimateHeader('median_pivots_per_1k'),
    ...estimateHeader('share_at_least_3_types'),
    'mean_words',
    'mean_backtracks',
    'truncated_share',
    ...categories.flatMap((c) =>
      ['pooled', 'mean', 'median'].flatMap((s) => estimateHeader(`${c.id}_${s}_per_1k`)),
    ),
  ]
  return toCsv(
    header,
    rows.map((r) => [
      r.dataset,
      r.split,
      r.n,
      ...estimateCells(r.density.pooled),
      ...estimateCells(r.density.mean),
      ...estimateCells(r.density.median),
      ...estimateCells(r.shareAtLeast3Types),
      r.meanWords,
      r.meanBacktracks,
      r.truncatedShare,
      ...r.categories.flatMap((c) => [
        ...estimateCells(c.density.pooled),
        ...estimateCells(c.density.mean),
        ...estimateCells(c.density.median),
      ]),
    ]),
  )
}

const fixed = (v: number | null, digits: number) => (v === null ? '--' : v.toFixed(digits))

/** "12.34 [11.02, 13.71]" */
export function formatEstimate(e: Estimate, digits = 2, scale = 1): string {
  if (e.value === null) return '—'
  const v = (e.value * scale).toFixed(digits)
  if (!e.interval) return v
  return `${v} [${(e.interval.lo * scale).toFixed(digits)}, ${(e.interval.hi * scale).toFixed(digits)}]`
}

export function summaryLatex(rows: readonly PublishRow[], splitName: string): string {
  const est = (e: Estimate, digits = 2, scale = 1) =>
    formatEstimate(e, digits, scale).replace('—', '--').replace(/\[/g, '{[}').replace(/\]/g, '{]}')
  return toLatexTable({
    align: 'llrrrrrrrr',
    header: [
      'Dataset',
      latexEscape(splitName),
      '$n$',
      'Pooled / 1k',
      'Mean / 1k',
      'Median / 1k',
      '$\\geq$3 types (\\%)',
      'Words',
      'Backtr.',
      'Trunc. (\\%)',
    ],
    rows: rows.map((r) => [
      latexEscape(r.dataset),
      latexEscape(r.split),
      String(r.n),
      est(r.density.pooled),
      est(r.density.mean),
      est(r.density.median),
      est(r.shareAtLeast3Types, 0, 100),
      fixed(r.meanWords, 0),
      fixed(r.meanBacktracks, 1),
      r.truncatedShare === null ? '--' : (r.truncatedShare * 100).toFixed(0),
    ]),
    caption:
      'Pivots per 1,000 words: pooled (all pivots / all words), and mean and median of per-trace densities, with 95\\% percentile bootstrap intervals (fixed seed).',
    label: 'tab:tracemark-summary',
  })
}
