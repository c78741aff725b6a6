import type { Dataset, PendingDecision } from '../lib/traces/trace-model'
import { traceIdPrefix } from '../lib/traces/ids'
import { Dexie } from 'dexie'
import { allTables, type TracemarkDB } from './database'
import { replaceDataset } from './dataset-replace'
import { deleteHistoryOf } from './history'

export function listDatasets(db: TracemarkDB): Promise<Dataset[]> {
  return db.datasets.orderBy('importedAt').toArray()
}

/** Ready datasets (not those still importing), oldest first, straight from the v2 index. */
export function listReadyDatasets(db: TracemarkDB): Promise<Dataset[]> {
  return db.datasets
    .where('[status+importedAt]')
    .between(['ready', Dexie.minKey], ['ready', Dexie.maxKey])
    .toArray()
}

export function getDataset(db: TracemarkDB, id: string): Promise<Dataset | undefined> {
  return db.datasets.get(id)
}

/** Registers a dataset before its first trace is written; it stays invisible until `ready`. */
export async function beginDataset(db: TracemarkDB, dataset: Dataset): Promise<void> {
  await db.datasets.add({ ...dataset, status: 'importing' })
}

export async function finishDataset(
  db: TracemarkDB,
  id: string,
  totals: Pick<Dataset, 'traceCount' | 'textChars' | 'fieldMap'>,
): Promise<void> {
  // Only these fields: callers pass wider objects (an import summary), which must not leak in.
  const { traceCount, textChars, fieldMap } = totals
  // `staged: undefined` deletes the mark of a staged restore (restore-job.ts): the user chose it.
  const changed = await db.datasets.update(id, {
    traceCount,
    textChars,
    fieldMap,
    status: 'ready',
    staged: undefined,
  })
  if (!changed) throw new Error(`dataset ${id} vanished during its import`)
}

/**
 * Deletes a dataset with everything that hangs off it (traces, texts, annotations, relations),
 * in one transaction: either all of it goes or none. For small datasets and tests; the app
 * removes datasets in the background with `purgeDataset` (dataset-removal.ts).
 */
export async function deleteDataset(db: TracemarkDB, id: string): Promise<void> {
  const prefix = traceIdPrefix(id)
  await db.transaction('rw', allTables(db), async () => {
    await db.annotations.where('traceId').startsWith(prefix).delete()
    await db.relations.where('traceId').startsWith(prefix).delete()
    await deleteHistoryOf(db, prefix)
    await db.texts.where('datasetId').equals(id).delete()
    await db.traces.where('datasetId').equals(id).delete()
    await db.datasets.delete(id)
  })
}

/** Datasets waiting on the user's decision (bad rows, a cut-off import, a replacement). */
export function listPendingDatasets(db: TracemarkDB): Promise<Dataset[]> {
  return db.datasets.where('status').equals('pending').sortBy('importedAt')
}

/**
 * Holds an imported dataset for the user's decision: it stays invisible (`pending`), and the
 * question lives in the row, so it survives navigation, reloads and other tabs.
 */
export async function holdDataset(
  db: TracemarkDB,
  id: string,
  totals: Pick<Dataset, 'traceCount' | 'textChars'>,
  pending: PendingDecision,
): Promise<void> {
  const { traceCount, textChars } = totals
  const changed = await db.datasets.update(id, {
    traceCount,
    textChars,
    status: 'pending',
    pending,
  })
  if (!changed) throw new Error(`dataset ${id} vanished during its import`)
}

/** Makes an imported dataset `ready`, in the place of `replaces` when given; one transaction. */
export async function completeDataset(
  db: TracemarkDB,
  id: string,
  totals: Pick<Dataset, 'traceCount' | 'textChars' | 'fieldMap'>,
  replaces?: string,
): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    if (replaces) await replaceDataset(db, replaces, id)
    await finishDataset(db, id, totals)
  })
}

/** The user kept a pending dataset: it becomes `ready` (replacing another, if it was to). */
export async function keepPendingDataset(db: TracemarkDB, id: string): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    const dataset = await db.datasets.get(id)
    if (dataset?.status !== 'pending') throw new Error('this import is no longer waiting')
    if (dataset.pending?.replaces) await replaceDataset(db, dataset.pending.replaces, id)
    await db.datasets.update(id, { status: 'ready', pending: undefined })
  })
}
