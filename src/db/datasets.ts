import type { Dataset } from '../lib/traces/trace-model'
import { traceIdPrefix } from '../lib/traces/ids'
import { Dexie } from 'dexie'
import { allTables, type TracemarkDB } from './database'

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
  const changed = await db.datasets.update(id, { traceCount, textChars, fieldMap, status: 'ready' })
  if (!changed) throw new Error(`dataset ${id} vanished during its import`)
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

/**
 * Puts `newId` in the place of `oldId`: every annotation and relation on an old trace moves to
 * the new trace with the same key (an annotation whose text changed shows as orphaned, never
 * dropped); then the old dataset goes. One transaction: either all of it happens or none.
 */
export async function replaceDataset(db: TracemarkDB, oldId: string, newId: string): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    const newByKey = new Map<string, string>()
    await db.traces
      .where('datasetId')
      .equals(newId)
      .each((t) => newByKey.set(t.key, t.id))
    const moveTo = new Map<string, string>()
    await db.traces
      .where('datasetId')
      .equals(oldId)
      .each((t) => {
        const target = newByKey.get(t.key)
        if (target) moveTo.set(t.id, target)
      })
    const prefix = traceIdPrefix(oldId)
    await db.annotations
      .where('traceId')
      .startsWith(prefix)
      .modify((a) => {
        const target = moveTo.get(a.traceId)
        if (target) a.traceId = target
      })
    await db.relations
      .where('traceId')
      .startsWith(prefix)
      .modify((r) => {
        const target = moveTo.get(r.traceId)
        if (target) r.traceId = target
      })
    await deleteDataset(db, oldId)
  })
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

/** Records an import's totals while it waits for the user's decision about bad rows. */
export async function setDatasetTotals(
  db: TracemarkDB,
  id: string,
  totals: Pick<Dataset, 'traceCount' | 'textChars'>,
): Promise<void> {
  const { traceCount, textChars } = totals
  await db.datasets.update(id, { traceCount, textChars })
}
