/**
 * A trace's metrics as the columns of the tabular exports (CSV and Parquet): one name per metric
 * (snake_case, as pandas and `datasets` users read them) and one order, written once.
 */
import type { TraceMetrics } from '../../traces/trace-model'

/** In the order the CSV writes them. */
export const METRIC_COLUMNS = [
  'chars',
  'words',
  'tokens',
  'steps',
  'sentences',
  'pivot_total',
  'pivots_per_1k',
  'pivot_categories',
  'backtracks',
  'verifications',
  'first_pivot_at',
  'has_final_answer',
  'lexicon_id',
] as const

export type MetricColumn = (typeof METRIC_COLUMNS)[number]

/** The counts and rates Parquet stores as DOUBLE columns (the others are not in its schema). */
export const NUMERIC_METRIC_COLUMNS = METRIC_COLUMNS.filter(
  (c) => !['pivot_categories', 'first_pivot_at', 'has_final_answer', 'lexicon_id'].includes(c),
)

export function metricCells(m: TraceMetrics) {
  return {
    chars: m.chars,
    words: m.words,
    tokens: m.tokens,
    steps: m.steps,
    sentences: m.sentences,
    pivot_total: m.pivotTotal,
    pivots_per_1k: m.pivotsPer1k,
    pivot_categories: m.pivotCategories,
    backtracks: m.backtracks,
    verifications: m.verifications,
    first_pivot_at: m.firstPivotAt,
    has_final_answer: m.hasFinalAnswer,
    lexicon_id: m.lexiconId,
  } satisfies Record<MetricColumn, unknown>
}
