/**
 * The metrics strip of the compare view: one row per metric, one value per pane, read from the
 * stored metrics (the numbers the table and the stats view show), with the panes' range so the
 * eye finds the largest gap.
 */
import type { Lexicon, Trace } from '../traces/trace-model'

export interface StripRow {
  key: string
  label: string
  /** One per pane, in pane order; null where a pane has no value. */
  values: (number | null)[]
  /** Digits after the decimal point when shown. */
  digits: number
  /** Largest minus smallest value, null when fewer than two values. */
  spread: number | null
}

export interface CorrectnessRow {
  key: 'correct'
  label: string
  values: (boolean | null)[]
}

export function metricsStrip(
  traces: readonly Trace[],
  lexicon: Lexicon,
): { rows: StripRow[]; correctness: CorrectnessRow } {
  const row = (
    key: string,
    label: string,
    value: (t: Trace) => number | null,
    digits = 0,
  ): StripRow => {
    const values = traces.map(value)
    const present = values.filter((v): v is number => v !== null)
    const spread = present.length < 2 ? null : Math.max(...present) - Math.min(...present)
    return { key, label, values, digits, spread }
  }
  const rows: StripRow[] = [
    row('chars', 'Characters', (t) => t.metrics.chars),
    row('words', 'Words', (t) => t.metrics.words),
    row('steps', 'Steps', (t) => t.metrics.steps),
    row('pivotTotal', 'Pivots', (t) => t.metrics.pivotTotal),
    ...lexicon.categories.map((c) =>
      row(`pivots.${c.id}`, `· ${c.name}`, (t) => t.metrics.pivots[c.id] ?? 0),
    ),
    row('pivotsPer1k', 'Pivots per 1k words', (t) => t.metrics.pivotsPer1k, 1),
    row('pivotCategories', 'Pivot types present', (t) => t.metrics.pivotCategories),
    row('backtracks', 'Backtracks', (t) => t.metrics.backtracks),
    row('verifications', 'Verifications', (t) => t.metrics.verifications),
  ]
  return {
    rows,
    correctness: { key: 'correct', label: 'Correct', values: traces.map((t) => t.correct) },
  }
}

export function formatStripValue(value: number | null, digits: number): string {
  if (value === null) return '–'
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
}

export function correctnessText(value: boolean | null): 'correct' | 'incorrect' | 'unknown' {
  return value === null ? 'unknown' : value ? 'correct' : 'incorrect'
}
