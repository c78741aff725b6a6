/**
 * The one worker-job runner: spawn a worker, run one call, relay its progress, cancel with a
 * grace period, and terminate the worker when the job ends however it ends. Each job client
 * (import, export, recompute, search) is the protocol and a call to this.
 */
import { proxy, type Remote } from 'comlink'
import { spawnWorker, type SpawnedWorker, type WorkerConstructor } from './spawn-worker'

export class JobCancelled extends Error {
  constructor(message = 'cancelled') {
    super(message)
    this.name = 'JobCancelled'
  }
}

export interface JobHandle<R> {
  /** The result; rejects with JobCancelled after `cancel`, or with the worker's error. */
  done: Promise<R>
  /** Stops the job: cooperatively when it has a `stop`, outright after the grace period. */
  cancel(): Promise<void>
}

export interface WorkerJob<Api, P, R> {
  worker: WorkerConstructor
  /** A worker of that module already running (kept from an earlier call), used instead of a new one. */
  spawned?: SpawnedWorker<Api>
  /** The call. `progress` is a proxied callback that falls silent once the job is cancelled. */
  run: (api: Remote<Api>, progress: (p: P) => void) => Promise<R>
  onProgress?: (p: P) => void
  /** Asks the worker to wind down (it then rejects or returns early). Without it, cancel kills. */
  stop?: (api: Remote<Api>) => Promise<void>
  /** How long a cooperative stop may take before the worker is terminated. */
  graceMs?: number
  /** The message of the JobCancelled error, in the user's words. */
  cancelledMessage?: string
}

export const DEFAULT_GRACE_MS = 5000

export function startWorkerJob<Api, P = never, R = void>(job: WorkerJob<Api, P, R>): JobHandle<R> {
  const { api, terminate } = job.spawned ?? spawnWorker<Api>(job.worker)
  let cancelled = false
  let kill: (error: Error) => void = () => {}
  const killed = new Promise<never>((_, reject) => (kill = reject))
  const relay = proxy((p: P) => {
    if (!cancelled) job.onProgress?.(p)
  })
  const running = job.run(api, relay)
  const settled = running.then(
    () => undefined,
    () => undefined,
  )
  const cancelledError = () => new JobCancelled(job.cancelledMessage)
  const done = Promise.race([running, killed])
    .then(
      (result) => {
        if (cancelled) throw cancelledError()
        return result
      },
      (error: unknown) => {
        throw cancelled ? cancelledError() : error
      },
    )
    .finally(terminate)
  return {
    done,
    async cancel() {
      if (cancelled) return
      cancelled = true
      if (job.stop) {
        const grace = new Promise<void>((r) => setTimeout(r, job.graceMs ?? DEFAULT_GRACE_MS))
        await Promise.race([
          job.stop(api).then(
            () => settled,
            () => settled,
          ),
          grace,
        ])
      }
      kill(cancelledError())
      terminate()
      await done.catch(() => {})
    },
  }
}
