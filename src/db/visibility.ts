/**
 * Which datasets may be seen: only `ready` ones. An import still running, waiting on the user's
 * decision or being deleted is invisible everywhere, its traces included (issue #12).
 * Type-only imports: list modules import this without loading Dexie.
 */
import type { TracemarkDB } from './database'

export async function readyDatasetIds(db: TracemarkDB): Promise<Set<string>> {
  return new Set(await db.datasets.where('status').equals('ready').primaryKeys())
}

/** True when every dataset is `ready`: list queries may then skip the visibility filter. */
export async function allDatasetsReady(db: TracemarkDB, ready: Set<string>): Promise<boolean> {
  return (await db.datasets.count()) === ready.size
}
