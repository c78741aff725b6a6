/**
 * Removing datasets without holding anyone up: a dataset is first marked `deleting` (one small
 * write, and it is gone from every list), then its rows go in small transactions in the
 * background. A removal cut off by a reload resumes at the next start.
 */
import { traceIdPrefix } from '../lib/traces/ids'
import type { TracemarkDB } from './database'
import { deleteHistoryOf } from './history'

/** Rows deleted per transaction: small enough that other reads and writes get their turn. */
const CHUNK = 2000

/** Hides a dataset at once; `purgeDataset` then removes it. False if there was none. */
export async function markDeleting(db: TracemarkDB, id: string): Promise<boolean> {
  return (await db.datasets.update(id, { status: 'deleting', pending: undefined })) > 0
}

async function deleteChunk(db: TracemarkDB, id: string): Promise<number> {
  return db.transaction('rw', db.traces, db.texts, async () => {
    const ids = await db.traces.where('datasetId').equals(id).limit(CHUNK).primaryKeys()
    const textIds = await db.texts.where('datasetId').equals(id).limit(CHUNK).primaryKeys()
    await db.traces.bulkDelete(ids)
    await db.texts.bulkDelete(textIds)
    return ids.length + textIds.length
  })
}

/**
 * Removes a `deleting` dataset's rows, chunk by chunk, then the dataset row itself once nothing
 * hangs off it (spans, relations and the undo log of its traces go in that last transaction) (a late write from a stopped worker is caught by the final check).
 */
export async function purgeDataset(db: TracemarkDB, id: string): Promise<void> {
  const prefix = traceIdPrefix(id)
  for (;;) {
    while ((await deleteChunk(db, id)) > 0);
    const done = await db.transaction(
      'rw',
      [db.datasets, db.traces, db.texts, db.annotations, db.relations, db.history],
      async () => {
        const left = await db.traces.where('datasetId').equals(id).count()
        if (left > 0) return false
        await db.annotations.where('traceId').startsWith(prefix).delete()
        await db.relations.where('traceId').startsWith(prefix).delete()
        await deleteHistoryOf(db, prefix)
        await db.texts.where('datasetId').equals(id).delete()
        await db.datasets.delete(id)
        return true
      },
    )
    if (done) return
  }
}

/** Purges every dataset marked `deleting` (after a cancel, a replacement, or at start-up). */
export async function purgeDeletingDatasets(db: TracemarkDB): Promise<void> {
  const ids = await db.datasets.where('status').equals('deleting').primaryKeys()
  for (const id of ids) await purgeDataset(db, id)
}

/** Spans on a dataset's own traces (a cut-off import may hold some). */
export function countDatasetSpans(db: TracemarkDB, id: string): Promise<number> {
  return db.annotations.where('traceId').startsWith(traceIdPrefix(id)).count()
}

/**
 * Deals with datasets left `importing` by a tab that closed mid-import. `isBusy` tells which of
 * them another live tab is still importing (the caller asks the Web Locks registry); those stay.
 * One without spans is removed; one holding spans is never removed without asking: it becomes
 * `pending` with the question. One a preview staged (`staged`) is removed: the user never chose
 * to import it. Returns the ids removed.
 */
export async function cleanUpAbandonedImports(
  db: TracemarkDB,
  isBusy: (datasetId: string) => boolean,
): Promise<string[]> {
  const stale = await db.datasets.where('status').equals('importing').toArray()
  const removed: string[] = []
  for (const { id, staged } of stale.filter((s) => !isBusy(s.id))) {
    const ownSpans = staged ? 0 : await countDatasetSpans(db, id)
    if (ownSpans === 0) {
      await markDeleting(db, id)
      removed.push(id)
    } else {
      const count = await db.traces.where('datasetId').equals(id).count()
      await db.datasets.update(id, {
        status: 'pending',
        traceCount: count,
        pending: { reason: 'interrupted', badRowCount: 0, badRows: [], ownSpans },
      })
    }
  }
  await purgeDeletingDatasets(db)
  return removed
}
