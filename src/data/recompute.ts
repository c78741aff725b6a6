/**
 * The metrics recompute (all traces, with the active lexicon): one per tab, outliving the page
 * that starts it. The lexicons page drives it; the stats view pauses its live reading of all
 * traces while it runs.
 *
 * A run is durable: its mark is stored in the database while it runs (db/recompute-run.ts), and
 * a run cut off by a reload or a closed tab is resumed at the next start (`resumeRecompute`).
 * Each trace carries the id and fingerprint of the lexicon its metrics come from, so the resumed
 * run skips the traces done before and the lexicons page counts any still stale.
 */
import { db } from '../db/instance'
import { getActiveLexicon } from '../db/lexicons'
import { clearRecomputeRun, getRecomputeRun, markRecomputeRun } from '../db/recompute-run'
import { newId } from '../lib/traces/ids'
import type { Lexicon } from '../lib/traces/trace-model'
import { startRecompute } from '../workers/recompute-client'
import type { RecomputeProgress, RecomputeSummary } from '../workers/recompute-protocol'
import { JobCancelled, type JobHandle } from '../workers/worker-job'
import { createJob, useJobState } from './jobs'
import { notify } from './notify'

/** Held by the tab whose recompute runs, so that another tab starting up does not resume it. */
const RECOMPUTE_LOCK = 'tracemark-recompute'

interface RecomputeHow {
  /** The run goes on with a run that a reload or a closed tab cut off. */
  resumed?: boolean
}

/** A recompute whose mark is in the database from before it starts until it ends, however. */
function startDurableRecompute(
  onProgress: (p: RecomputeProgress) => void,
  lexicon: Lexicon,
  _how: RecomputeHow = {},
): JobHandle<RecomputeSummary> {
  const runId = newId()
  let worker: JobHandle<RecomputeSummary> | null = null
  let cancelled = false
  const run = async () => {
    await markRecomputeRun(db, { runId, lexiconId: lexicon.id, startedAt: Date.now() })
    if (cancelled) throw new JobCancelled('Recompute cancelled before it started.')
    worker = startRecompute(onProgress, lexicon)
    return worker.done
  }
  const done = run().finally(() => clearRecomputeRun(db, runId))
  const settled = done.then(
    () => undefined,
    () => undefined,
  )
  holdLockUntil(settled)
  return {
    done,
    async cancel() {
      cancelled = true
      await worker?.cancel()
      await settled
    },
  }
}

function holdLockUntil(settled: Promise<void>): void {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return
  navigator.locks.request(RECOMPUTE_LOCK, () => settled).catch(() => {})
}

async function recomputeRunsElsewhere(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return false
  const { held = [] } = await navigator.locks.query()
  return held.some((l) => l.name === RECOMPUTE_LOCK)
}

export const recomputeJob = createJob(startDurableRecompute, {
  describe: (lexicon: Lexicon, how?: RecomputeHow) =>
    how?.resumed ? `${lexicon.name} (resumed after a reload)` : lexicon.name,
  failureWhat: 'recompute the metrics',
})

/** Recomputes every trace's metrics with `lexicon` (cancelling a run before). */
export async function recompute(lexicon: Lexicon): Promise<void> {
  await recomputeJob.start(lexicon)
}

/**
 * At start-up: resumes a recompute that a reload or a closed tab cut off (with the active
 * lexicon, the one the run was for unless another tab changed it since, which then started a
 * run of its own). Says so, on whatever screen opens.
 */
export async function resumeRecompute(): Promise<void> {
  const run = await getRecomputeRun(db)
  if (run === null || recomputeJob.busy || (await recomputeRunsElsewhere())) return
  const lexicon = await getActiveLexicon(db)
  notify({
    kind: 'info',
    message: `Resuming the recompute of the metrics with ${lexicon.name}, cut off by a reload.`,
  })
  recomputeJob.launch(lexicon, { resumed: true })
  await clearRecomputeRun(db, run.runId)
}

/** Whether a recompute is writing metrics now. */
export function useRecomputeRunning(): boolean {
  const { phase } = useJobState(recomputeJob)
  return phase === 'running' || phase === 'cancelling'
}
