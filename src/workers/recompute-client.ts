/** The page's side of a recompute: one worker per run, terminated when the run ends. */
import { proxy, wrap } from 'comlink'
import type { Lexicon } from '../lib/traces/trace-model'
import type { RecomputeProgress, RecomputeSummary, RecomputeWorkerApi } from './recompute-protocol'

export interface RecomputeHandle {
  done: Promise<RecomputeSummary>
  /** Stops after the current page; rejects `done` with RecomputeCancelled. */
  cancel(): void
}

export class RecomputeCancelled extends Error {
  constructor() {
    super('Recompute cancelled; traces already updated keep their new metrics.')
  }
}

const CANCEL_GRACE_MS = 5000

export function startRecompute(
  lexicon: Lexicon,
  onProgress: (p: RecomputeProgress) => void,
): RecomputeHandle {
  const worker = new Worker(new URL('./recompute.worker.ts', import.meta.url), { type: 'module' })
  const api = wrap<RecomputeWorkerApi>(worker)
  let cancelled = false
  let kill = () => {}
  const killed = new Promise<never>((_, reject) => {
    kill = () => reject(new RecomputeCancelled())
  })
  const run = api.run(lexicon, proxy(onProgress)).catch((error: unknown) => {
    throw cancelled ? new RecomputeCancelled() : error
  })
  const done = Promise.race([run, killed]).finally(() => worker.terminate())
  return {
    done,
    cancel() {
      cancelled = true
      void api.cancel()
      // A worker stuck in a long page is stopped outright; its open transaction rolls back.
      setTimeout(kill, CANCEL_GRACE_MS)
    },
  }
}
