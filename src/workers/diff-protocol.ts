/**
 * The diff worker's contract with the page (through comlink): two reasoning texts and a unit
 * in, the marked units out (plain data). A diff of two long traces takes longer than a frame,
 * so it never runs on the main thread; a diff no longer wanted is dropped by terminating.
 */
import type { DiffUnit, TraceDiff } from '../lib/compare/trace-diff'

export interface DiffWorkerApi {
  diff(a: string, b: string, unit: DiffUnit): TraceDiff
}
