import type { Trace } from '../lib/traces/trace-model'
import type { TracemarkDB } from './database'
import { visibleTraces } from './traces'

/**
 * Every trace summary (metrics included, never texts): what the stats view aggregates.
 * About 0.7 s for 100,000 rows (TOOLCHAIN.md e), so callers avoid re-running it needlessly.
 */
export function listAllTraceSummaries(db: TracemarkDB): Promise<Trace[]> {
  return visibleTraces(db)
}
