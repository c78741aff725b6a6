/** What the stats view reads: every trace summary (never texts) and the ready datasets. */
import { useLiveQuery } from 'dexie-react-hooks'
import { listReadyDatasets } from '../db/datasets'
import { db } from '../db/instance'
import { listAllTraceSummaries } from '../db/stats'
import type { Dataset, Trace } from '../lib/traces/trace-model'
import { useRecomputeRunning } from './recompute'

export interface SummaryReading {
  datasets: Dataset[]
  traces: Trace[]
}

/** The last full reading, reused while a recompute is running (module state, not render state). */
let lastReading: SummaryReading | undefined

/**
 * Every trace summary with the ready datasets, live. While a recompute rewrites metrics, the
 * last reading is kept rather than re-reading 100,000 rows after every batch.
 */
export function useTraceSummaries(): SummaryReading | undefined {
  const running = useRecomputeRunning()
  return useLiveQuery(async () => {
    if (running && lastReading !== undefined) return lastReading
    const [datasets, traces] = await Promise.all([listReadyDatasets(db), listAllTraceSummaries(db)])
    lastReading = { datasets, traces }
    return lastReading
  }, [running])
}
