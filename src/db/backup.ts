/**
 * Table access of the whole-database backup and restore (issue #8): every table read a page at
 * a time by key, and the restore's one transaction that replaces them all.
 */
import type { Table } from 'dexie'
import {
  planMerge,
  type BackupRows,
  type ExistingRows,
  type MergeSummary,
} from '../lib/backup/backup-merge'
import { traceIdPrefix } from '../lib/traces/ids'
import type { Dataset, Trace } from '../lib/traces/trace-model'
import type { TracemarkDB } from './database'
import { CURRENT_VERSION, SCHEMA_HISTORY } from './schema-history'
import { seedTaxonomyPresets } from './taxonomies'
import { ALL_KEYS, keyPage } from './traces'

/** Every table of the current schema, in the order a backup writes them. */
export const BACKUP_TABLES: readonly string[] = [
  ...new Set(SCHEMA_HISTORY.flatMap((step) => Object.keys(step.stores))),
]

/** The tables whose rows are the user's work: a database with none of them is empty. */
const WORK_TABLES = [
  'datasets',
  'traces',
  'texts',
  'annotations',
  'relations',
  'lexicons',
  'history',
]

function table(db: TracemarkDB, name: string): Table<unknown, string, unknown> {
  if (!BACKUP_TABLES.includes(name)) throw new Error(`no table ${name}`)
  return db.table(name)
}

/** A page of a table's rows in key order, after `afterKey` (see keyPage). */
export function backupPage(
  db: TracemarkDB,
  name: string,
  afterKey: string | null,
  limit: number,
): Promise<unknown[]> {
  return keyPage(table(db, name), afterKey, ALL_KEYS, limit)
}

/** The primary key of a row of the table. */
export function rowKey(db: TracemarkDB, name: string, row: unknown): string {
  const keyPath = table(db, name).schema.primKey.keyPath
  return String((row as Record<string, unknown>)[keyPath as string])
}

export async function tableCounts(db: TracemarkDB): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const name of BACKUP_TABLES) counts[name] = await table(db, name).count()
  return counts
}

/**
 * True when the database holds any of the user's work (datasets, traces, spans, relations,
 * lexicons, undo history). Taxonomy presets and prefs alone do not count: a new profile has them.
 */
export async function hasStoredWork(db: TracemarkDB): Promise<boolean> {
  for (const name of WORK_TABLES) if ((await table(db, name).count()) > 0) return true
  return false
}

/** Rows written per bulkAdd, with a progress report after each. */
const WRITE_CHUNK = 500

/** Progress of a restore's writes: rows written so far (reported inside its transaction). */
export type WriteProgress = (rows: number) => void

/** Adds rows in chunks, reporting after each (a report is a plain call: nothing is awaited). */
async function addInChunks(
  t: Table<unknown, string, unknown>,
  list: readonly unknown[],
  written: { rows: number },
  onWritten?: WriteProgress,
): Promise<void> {
  for (let i = 0; i < list.length; i += WRITE_CHUNK) {
    await t.bulkAdd(list.slice(i, i + WRITE_CHUNK))
    written.rows += Math.min(WRITE_CHUNK, list.length - i)
    onWritten?.(written.rows)
  }
}

/**
 * Replaces every table's rows with the given ones, in ONE read-write transaction over all tables:
 * if anything fails (a bad row, a full disk) or the worker running it is stopped before it
 * commits, IndexedDB aborts the transaction and the database is exactly as it was. The caller has
 * read and checked the whole backup before (check-then-commit). A table the backup does not hold
 * (an older schema's backup) is left empty; a backup older than v3 gets the taxonomy presets
 * that the v3 upgrade would have seeded.
 */
export async function replaceAllTables(
  db: TracemarkDB,
  rows: Record<string, unknown[]>,
  fromSchemaVersion: number,
  onWritten?: WriteProgress,
): Promise<void> {
  const tables = BACKUP_TABLES.map((name) => table(db, name))
  const written = { rows: 0 }
  await db.transaction('rw', tables, async () => {
    for (const [i, t] of tables.entries()) {
      await t.clear()
      await addInChunks(t, rows[BACKUP_TABLES[i]!] ?? [], written, onWritten)
    }
    if (fromSchemaVersion < 3 && CURRENT_VERSION >= 3) await seedTaxonomyPresets(db.taxonomies)
  })
}

/**
 * Adds a backup's rows onto the database's (lib/backup/backup-merge.ts says which and how), in
 * ONE read-write transaction that reads what the merge depends on and writes the result: a
 * failure, or the worker stopped before the commit, leaves the database exactly as it was.
 */
export async function mergeIntoTables(
  db: TracemarkDB,
  rows: Record<string, unknown[]>,
  onWritten?: WriteProgress,
): Promise<MergeSummary> {
  const backup = backupRows(rows)
  const tables = BACKUP_TABLES.map((name) => table(db, name))
  return db.transaction('rw', tables, async () => {
    const existing = await existingFor(db, backup)
    const { add, datasetCounts, traceTags, summary } = planMerge(backup, existing)
    const written = { rows: 0 }
    for (const name of Object.keys(add) as (keyof BackupRows)[]) {
      await addInChunks(table(db, name), add[name], written, onWritten)
    }
    for (const { id, traceCount, textChars } of datasetCounts) {
      await db.datasets.update(id, { traceCount, textChars })
    }
    for (const { id, tags, tagsBy } of traceTags) {
      await db.traces.update(id, { tags, tagsBy, updatedAt: Date.now() })
    }
    return summary
  })
}

function backupRows(rows: Record<string, unknown[]>): BackupRows {
  const of = <T>(name: keyof BackupRows) => (rows[name] ?? []) as T[]
  return {
    datasets: of('datasets'),
    traces: of('traces'),
    texts: of('texts'),
    annotations: of('annotations'),
    relations: of('relations'),
    taxonomies: of('taxonomies'),
    lexicons: of('lexicons'),
    prefs: of('prefs'),
  }
}

/** What planMerge needs to know of the database, read inside the merge's transaction. */
async function existingFor(db: TracemarkDB, backup: BackupRows): Promise<ExistingRows> {
  const datasets: Dataset[] = await db.datasets.toArray()
  const hashes = [...new Set(backup.traces.map((t) => t.problemHash))]
  const traces: Trace[] = []
  for (let i = 0; i < hashes.length; i += 1000) {
    traces.push(
      ...(await db.traces
        .where('problemHash')
        .anyOf(hashes.slice(i, i + 1000))
        .toArray()),
    )
  }
  const ids = traces.map((t) => t.id)
  const annotations = []
  const relations = []
  for (let i = 0; i < ids.length; i += 1000) {
    const part = ids.slice(i, i + 1000)
    annotations.push(...(await db.annotations.where('traceId').anyOf(part).toArray()))
    relations.push(...(await db.relations.where('traceId').anyOf(part).toArray()))
  }
  const lastOrdinal = new Map<string, number>()
  for (const d of datasets) {
    const prefix = traceIdPrefix(d.id)
    const last = await db.traces.where(':id').between(prefix, `${prefix}\uffff`).last()
    if (last) {
      const inId = Number(last.id.slice(prefix.length))
      lastOrdinal.set(d.id, Math.max(last.ordinal, Number.isFinite(inId) ? inId : 0))
    }
  }
  const taken = async <T>(t: Table<T, string, unknown>, keys: string[]) =>
    new Set((await t.bulkGet(keys)).flatMap((row, i) => (row ? [keys[i]!] : [])))
  return {
    datasets,
    traces,
    annotations,
    relations,
    lastOrdinal,
    takenTraceIds: await taken(
      db.traces,
      backup.traces.map((t) => t.id),
    ),
    takenSpanIds: await taken(
      db.annotations,
      backup.annotations.map((a) => a.id),
    ),
    takenRelationIds: await taken(
      db.relations,
      backup.relations.map((r) => r.id),
    ),
    taxonomyIds: await taken(
      db.taxonomies,
      backup.taxonomies.map((t) => t.id),
    ),
    lexiconIds: await taken(
      db.lexicons,
      backup.lexicons.map((l) => l.id),
    ),
    prefKeys: await taken(
      db.prefs,
      backup.prefs.map((p) => p.key),
    ),
  }
}
