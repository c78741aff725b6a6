/**
 * The whole-database backup file (issue #8): one zip holding `manifest.json` and one JSONL file
 * per table (`tables/<table>.jsonl`, one row a line, in key order). Pure: naming, the manifest,
 * and an exact encoding of stored values (IndexedDB keeps what JSON cannot: NaN, ±Infinity, -0,
 * undefined, Dates, typed arrays), so that a restored row is the row that was backed up.
 */

export const BACKUP_APP = 'tracemark'
export const BACKUP_KIND = 'backup'
/** The layout of the zip itself; the database's own version is `schemaVersion`. */
export const BACKUP_FORMAT_VERSION = 1
export const MANIFEST_ENTRY = 'manifest.json'

export interface BackupManifest {
  app: typeof BACKUP_APP
  kind: typeof BACKUP_KIND
  formatVersion: number
  /** The database schema version (schema-history.ts) the rows were read from. */
  schemaVersion: number
  createdAt: string
  /** Rows per table, in the order the tables are written. */
  counts: Record<string, number>
}

export function tableEntryName(table: string): string {
  return `tables/${table}.jsonl`
}

/** The table an entry holds, or null for an entry that is not a table file. */
export function tableOfEntry(entry: string): string | null {
  const match = /^tables\/([A-Za-z0-9_-]+)\.jsonl$/.exec(entry)
  return match ? match[1]! : null
}

/** `tracemark-backup-2026-12-02T05-20-00.zip` */
export function backupFileName(createdAt: string): string {
  return `tracemark-backup-${createdAt.slice(0, 19).replace(/:/g, '-')}.zip`
}

export function buildManifest(
  schemaVersion: number,
  counts: Record<string, number>,
  createdAt: string = new Date().toISOString(),
): BackupManifest {
  return {
    app: BACKUP_APP,
    kind: BACKUP_KIND,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion,
    createdAt,
    counts: { ...counts },
  }
}

/** Why a backup cannot be restored, naming the file and the entry (and line when known). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}

function where(fileName: string, entry: string, line?: number): string {
  return `${fileName}, entry ${entry}${line === undefined ? '' : `, line ${line}`}`
}

/**
 * The manifest of a zip's entries, checked: a Tracemark backup, of a layout and schema this
 * version can restore, of known tables, with an entry for every table that has rows.
 * `entries` are the zip's entry names and `manifestText` the manifest entry's text (or null).
 */
export function checkManifest(
  fileName: string,
  entries: readonly string[],
  manifestText: string | null,
  currentSchemaVersion: number,
  knownTables: readonly string[],
): BackupManifest {
  const notBackup = `${fileName} is not a Tracemark backup`
  if (manifestText === null)
    throw new BackupError(`${notBackup}: it has no ${MANIFEST_ENTRY} entry.`)
  const at = where(fileName, MANIFEST_ENTRY)
  let raw: unknown
  try {
    raw = JSON.parse(manifestText)
  } catch {
    throw new BackupError(`${notBackup} (${at}: not valid JSON).`)
  }
  const m = raw as Partial<BackupManifest> | null
  if (!m || typeof m !== 'object' || m.app !== BACKUP_APP || m.kind !== BACKUP_KIND) {
    throw new BackupError(`${notBackup} (${at}: app is not "${BACKUP_APP}" or kind not "backup").`)
  }
  if (typeof m.formatVersion !== 'number' || m.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `${at}: backup layout ${String(m.formatVersion)} is newer than this Tracemark reads (${BACKUP_FORMAT_VERSION}). Update Tracemark to restore it.`,
    )
  }
  if (typeof m.schemaVersion !== 'number' || !Number.isInteger(m.schemaVersion)) {
    throw new BackupError(`${at}: schemaVersion is missing.`)
  }
  if (m.schemaVersion > currentSchemaVersion) {
    throw new BackupError(
      `${at}: made by a newer Tracemark (database version ${m.schemaVersion}; this one has version ${currentSchemaVersion}). Update Tracemark to restore it.`,
    )
  }
  if (!m.counts || typeof m.counts !== 'object') throw new BackupError(`${at}: counts are missing.`)
  for (const [table, count] of Object.entries(m.counts)) {
    if (!knownTables.includes(table)) {
      throw new BackupError(`${at}: unknown table "${table}".`)
    }
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      throw new BackupError(`${at}: the count of ${table} is not a number of rows.`)
    }
    if (count > 0 && !entries.includes(tableEntryName(table))) {
      throw new BackupError(
        `${fileName}: entry ${tableEntryName(table)} is missing (the manifest counts ${count} rows).`,
      )
    }
  }
  return m as BackupManifest
}

/** Rows of a table entry, decoded; its line count must be the manifest's. */
export function parseTableEntry(
  fileName: string,
  table: string,
  text: string,
  expected: number,
): unknown[] {
  const entry = tableEntryName(table)
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  const rows: unknown[] = []
  lines.forEach((line, i) => {
    try {
      rows.push(decodeValue(JSON.parse(line)))
    } catch {
      throw new BackupError(`${where(fileName, entry, i + 1)}: not a valid row.`)
    }
  })
  if (rows.length !== expected) {
    throw new BackupError(
      `${where(fileName, entry)}: ${rows.length} rows where the manifest counts ${expected} (the file is cut off or changed).`,
    )
  }
  return rows
}

/** One row as a JSONL line (no newline). */
export function encodeRow(row: unknown): string {
  return JSON.stringify(encodeValue(row))
}

/* The exact encoding: values JSON cannot hold become `{"$tm": kind, "v": ...}`; a stored object
 * that itself has a `$tm` key is wrapped as kind "obj", so decoding never mistakes data for a tag. */
const TAG = '$tm'

const TYPED = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const
type TypedName = keyof typeof TYPED

export function encodeValue(value: unknown): unknown {
  if (value === undefined) return { [TAG]: 'undef' }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { [TAG]: 'num', v: 'NaN' }
    if (value === Infinity) return { [TAG]: 'num', v: 'Infinity' }
    if (value === -Infinity) return { [TAG]: 'num', v: '-Infinity' }
    if (Object.is(value, -0)) return { [TAG]: 'num', v: '-0' }
    return value
  }
  if (typeof value === 'bigint') return { [TAG]: 'bigint', v: value.toString() }
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return { [TAG]: 'date', v: value.getTime() }
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name
    if (name in TYPED) return { [TAG]: name, v: Array.from(value as Uint8Array, encodeValue) }
    throw new Error(`cannot back up a ${name}`)
  }
  if (value instanceof ArrayBuffer) return { [TAG]: 'buffer', v: Array.from(new Uint8Array(value)) }
  if (Array.isArray(value)) return value.map(encodeValue)
  if (value instanceof Map || value instanceof Set || value instanceof Blob) {
    throw new Error(`cannot back up a ${value.constructor.name}`)
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = encodeValue(v)
  return TAG in out ? { [TAG]: 'obj', v: out } : out
}

export function decodeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(decodeValue)
  const obj = value as Record<string, unknown>
  if (TAG in obj) {
    const kind = obj[TAG]
    const v = obj.v
    switch (kind) {
      case 'undef':
        return undefined
      case 'num':
        return v === '-0' ? -0 : Number(v)
      case 'bigint':
        return BigInt(String(v))
      case 'date':
        return new Date(Number(v))
      case 'buffer':
        return new Uint8Array(v as number[]).buffer
      case 'obj':
        return decodeObject(v as Record<string, unknown>)
      default:
        if (typeof kind === 'string' && kind in TYPED) {
          const Ctor = TYPED[kind as TypedName]
          return new Ctor((v as unknown[]).map(decodeValue) as number[])
        }
        throw new Error(`unknown tag ${String(kind)}`)
    }
  }
  return decodeObject(obj)
}

function decodeObject(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(obj)) out[k] = decodeValue(v)
  return out
}
