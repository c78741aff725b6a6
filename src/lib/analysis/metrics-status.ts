/**
 * Are a trace's stored metrics those of the active lexicon? Each trace's metrics carry the id
 * and fingerprint of the lexicon they were computed with, so after a lexicon change, or a
 * recompute that was cancelled half-way, stale traces can be counted and recomputed alone.
 */
import type { TraceMetrics } from '../traces/trace-model'
import type { CompiledLexicon } from './match-pivots'

export function isCurrentMetrics(
  metrics: Pick<TraceMetrics, 'lexiconId' | 'lexiconHash'>,
  lexicon: Pick<CompiledLexicon, 'lexiconId' | 'lexiconHash'>,
): boolean {
  return metrics.lexiconId === lexicon.lexiconId && metrics.lexiconHash === lexicon.lexiconHash
}

export interface MetricsStatus {
  total: number
  current: number
  /** Computed with another lexicon, or an earlier version of this one. */
  stale: number
}

export function metricsStatus(
  rows: readonly { metrics: Pick<TraceMetrics, 'lexiconId' | 'lexiconHash'> }[],
  lexicon: Pick<CompiledLexicon, 'lexiconId' | 'lexiconHash'>,
): MetricsStatus {
  let current = 0
  for (const row of rows) if (isCurrentMetrics(row.metrics, lexicon)) current++
  return { total: rows.length, current, stale: rows.length - current }
}
