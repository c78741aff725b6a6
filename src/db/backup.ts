/**
 * Table access of the whole-database backup and restore (issue #8): every table read a page at
 * a time by key, and the restore's one transaction that replaces them all.
 */
import type { Table } from 'dexie'
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
): Promise<void> {
  const tables = BACKUP_TABLES.map((name) => table(db, name))
  await db.transaction('rw', tables, async () => {
    for (const [i, t] of tables.entries()) {
      await t.clear()
      const list = rows[BACKUP_TABLES[i]!] ?? []
      if (list.length > 0) await t.bulkAdd(list)
    }
    if (fromSchemaVersion < 3 && CURRENT_VERSION >= 3) await seedTaxonomyPresets(db.taxonomies)
  })
}
