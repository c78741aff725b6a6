/** The page's side of a recompute: one worker per run, terminated when the run ends. */
import type { Lexicon } from '../lib/traces/trace-model'
import type { RecomputeProgress, RecomputeSummary, RecomputeWorkerApi } from './recompute-protocol'
import RecomputeWorker from './recompute.worker?worker'
import { startWorkerJob, type JobHandle } from './worker-job'

/**
 * Recomputes every trace's metrics with `lexicon`. Cancelling stops after the current page (a
 * worker stuck in a long page is terminated after the grace period; its open transaction rolls
 * back), so each trace keeps either its old or its new metrics.
 */
export function startRecompute(
  onProgress: (p: RecomputeProgress) => void,
  lexicon: Lexicon,
): JobHandle<RecomputeSummary> {
  return startWorkerJob<RecomputeWorkerApi, RecomputeProgress, RecomputeSummary>({
    worker: RecomputeWorker,
    onProgress,
    run: (api, progress) => api.run(lexicon, progress),
    stop: (api) => api.cancel(),
    cancelledMessage: 'Recompute cancelled; traces already updated keep their new metrics.',
  })
}
