import { wrap } from 'comlink'
import type { DiffUnit, TraceDiff } from '../lib/compare/trace-diff'
import type { DiffWorkerApi } from './diff-protocol'

export interface DiffHandle {
  done: Promise<TraceDiff>
  /** Drops the diff: the worker is terminated and `done` never settles. */
  cancel(): void
}

/** Diffs two texts in a worker of its own, terminated when the diff ends or is cancelled. */
export function startDiff(a: string, b: string, unit: DiffUnit): DiffHandle {
  const worker = new Worker(new URL('./diff.worker.ts', import.meta.url), { type: 'module' })
  const api = wrap<DiffWorkerApi>(worker)
  const done = Promise.resolve(api.diff(a, b, unit)).finally(() => worker.terminate())
  return { done, cancel: () => worker.terminate() }
}
