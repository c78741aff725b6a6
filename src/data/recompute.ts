/**
 * The metrics recompute (all traces, with the active lexicon): one per tab, outliving the page
 * that starts it. The lexicons page drives it; the stats view pauses its live reading of all
 * traces while it runs.
 */
import type { Lexicon } from '../lib/traces/trace-model'
import { startRecompute } from '../workers/recompute-client'
import { createJob, useJobState } from './jobs'

export const recomputeJob = createJob(startRecompute, {
  describe: (lexicon: Lexicon) => lexicon.name,
  failureWhat: 'recompute the metrics',
})

/** Recomputes every trace's metrics with `lexicon` (cancelling a run before). */
export async function recompute(lexicon: Lexicon): Promise<void> {
  await recomputeJob.start(lexicon)
}

/** Whether a recompute is writing metrics now. */
export function useRecomputeRunning(): boolean {
  const { phase } = useJobState(recomputeJob)
  return phase === 'running' || phase === 'cancelling'
}
