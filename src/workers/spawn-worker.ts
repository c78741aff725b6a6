/**
 * The one place that starts a worker. Each job names its worker module with Vite's `?worker`
 * import (`import ExportWorker from './export.worker?worker'`), which bundles the module and
 * its imports as a worker chunk; this wraps it with comlink.
 */
import { wrap, type Remote } from 'comlink'

/** What a `?worker` import gives. */
export type WorkerConstructor = new (options?: { name?: string }) => Worker

export interface SpawnedWorker<Api> {
  api: Remote<Api>
  /** Stops the worker at once; safe to call more than once. */
  terminate(): void
}

export function spawnWorker<Api>(Module: WorkerConstructor, name?: string): SpawnedWorker<Api> {
  const worker = new Module({ name })
  let alive = true
  return {
    api: wrap<Api>(worker),
    terminate() {
      if (!alive) return
      alive = false
      worker.terminate()
    },
  }
}
