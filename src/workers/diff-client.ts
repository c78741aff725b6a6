import type { DiffUnit, TraceDiff } from '../lib/compare/trace-diff'
import type { DiffWorkerApi } from './diff-protocol'
import DiffWorker from './diff.worker?worker'
import { spawnWorker } from './spawn-worker'

export interface DiffHandle {
  done: Promise<TraceDiff>
  /** Drops the diff: the worker is terminated and `done` never settles. */
  cancel(): void
}

/** Diffs two texts in a worker of its own, terminated when the diff ends or is cancelled. */
export function startDiff(a: string, b: string, unit: DiffUnit): DiffHandle {
  const { api, terminate } = spawnWorker<DiffWorkerApi>(DiffWorker, 'diff')
  const done = Promise.resolve(api.diff(a, b, unit)).finally(terminate)
  return { done, cancel: terminate }
}
