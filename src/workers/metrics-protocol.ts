/**
 * Metrics computed off the import worker's thread: the import worker parses and writes while a
 * second worker analyses the previous batch (analysis is the costliest step of an import).
 * Plain data only across the boundary.
 */
import type { Lexicon, TraceMetrics } from '../lib/traces/trace-model'

export interface MetricsInput {
  reasoning: string
  answer: string
}

export interface MetricsWorkerApi {
  compute(lexicon: Lexicon, items: MetricsInput[]): TraceMetrics[]
}

/** What the import job needs: metrics for a batch, in order. */
export interface MetricsComputer {
  compute(items: MetricsInput[]): Promise<TraceMetrics[]>
  close(): void
}
