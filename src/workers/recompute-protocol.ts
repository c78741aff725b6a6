/**
 * The recompute worker's contract with the page (through comlink): recompute every trace's
 * metrics with a lexicon. Plain data only, structured-cloned across the thread boundary.
 */
import type { Lexicon } from '../lib/traces/trace-model'

export interface RecomputeProgress {
  /** Traces looked at so far (up to date ones are skipped, not recounted). */
  scanned: number
  /** Traces whose metrics were rewritten so far. */
  updated: number
  total: number
  /** Characters of reasoning analysed so far. */
  chars: number
  elapsedMs: number
}

export interface RecomputeSummary extends RecomputeProgress {
  /** Milliseconds spent in the analysis itself, without reading and writing. */
  analysisMs: number
}

export interface RecomputeWorkerApi {
  run(lexicon: Lexicon, onProgress: (p: RecomputeProgress) => void): Promise<RecomputeSummary>
  /** Stops after the batch being written; every trace written so far is consistent. */
  cancel(): void
}
