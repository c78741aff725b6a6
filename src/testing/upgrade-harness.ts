/**
 * Schema upgrade harness: writes rows with the stores of an earlier version (exactly as that
 * version's app wrote them), so a test can open the database with the current TracemarkDB and
 * check that the upgrade kept everything.
 */
import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import { SCHEMA_HISTORY } from '../db/schema-history'
import { newId } from '../lib/traces/ids'

export type TableRows = Record<string, unknown[]>

/** A fresh database name, written at `version` with `rows` (table name → rows), then closed. */
export async function writeAtVersion(version: number, rows: TableRows): Promise<string> {
  const name = `upgrade-${newId()}`
  const old = new Dexie(name)
  for (const step of SCHEMA_HISTORY) {
    if (step.version <= version) old.version(step.version).stores(step.stores)
  }
  await old.open()
  await old.transaction('rw', old.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd(list)
  })
  old.close()
  return name
}

/** Every row of every table, by table name, in primary-key order. */
export async function readAllTables(db: Dexie): Promise<TableRows> {
  const entries = await Promise.all(
    db.tables.map(async (t) => [t.name, await t.toArray()] as const),
  )
  return Object.fromEntries(entries.filter(([, list]) => list.length > 0))
}
