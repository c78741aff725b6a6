import type { Dataset } from '../lib/trace-model'
import { traceIdPrefix } from '../lib/ids'
import { allTables, type TracemarkDB } from './database'

export function listDatasets(db: TracemarkDB): Promise<Dataset[]> {
  return db.datasets.orderBy('importedAt').toArray()
}

export function listReadyDatasets(db: TracemarkDB): Promise<Dataset[]> {
  return db.datasets
    .where('status')
    .equals('ready')
    .toArray()
    .then((rows) => rows.sort((a, b) => a.importedAt - b.importedAt))
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
  const changed = await db.datasets.update(id, { ...totals, status: 'ready' })
  if (!changed) throw new Error(`dataset ${id} vanished during its import`)
}

export async function renameDataset(
  db: TracemarkDB,
  id: string,
  change: Pick<Dataset, 'name' | 'variant'>,
): Promise<void> {
  await db.datasets.update(id, change)
}

/**
 * Deletes a dataset with everything that hangs off it (traces, texts, annotations, relations),
 * in one transaction: either all of it goes or none.
 */
export async function deleteDataset(db: TracemarkDB, id: string): Promise<void> {
  const prefix = traceIdPrefix(id)
  await db.transaction('rw', allTables(db), async () => {
    await db.annotations.where('traceId').startsWith(prefix).delete()
    await db.relations.where('traceId').startsWith(prefix).delete()
    await db.texts.where('datasetId').equals(id).delete()
    await db.traces.where('datasetId').equals(id).delete()
    await db.datasets.delete(id)
  })
}

/**
 * Removes datasets left `importing` by a tab that closed mid-import. `isBusy` tells which of them
 * another live tab is still importing (the caller asks the Web Locks registry), and those stay.
 */
export async function cleanUpAbandonedImports(
  db: TracemarkDB,
  isBusy: (datasetId: string) => boolean,
): Promise<string[]> {
  const stale = await db.datasets.where('status').equals('importing').primaryKeys()
  const removed = stale.filter((id) => !isBusy(id))
  for (const id of removed) await deleteDataset(db, id)
  return removed
}
