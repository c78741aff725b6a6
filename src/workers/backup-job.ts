/**
 * Backup and restore of the whole database (issue #8), in the backup worker and in node tests.
 * Backup: every table read a page at a time by key and streamed into a zip (fflate's `Zip`),
 * so memory holds one page of rows and the compressed output. Restore: check-then-commit: the
 * zip is read, the manifest checked and every line decoded and counted first; only then does one
 * transaction replace all tables (db/backup.ts), so a bad file, a failure or a cancel leaves the
 * database as it was.
 */
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate } from 'fflate'
import {
  backupPage,
  BACKUP_TABLES,
  hasStoredWork,
  mergeIntoTables,
  replaceAllTables,
  rowKey,
  tableCounts,
} from '../db/backup'
import type { TracemarkDB } from '../db/database'
import { CURRENT_VERSION } from '../db/schema-history'
import {
  BackupError,
  backupFileName,
  buildManifest,
  checkManifest,
  encodeRow,
  MANIFEST_ENTRY,
  parseTableEntry,
  tableEntryName,
} from '../lib/backup/backup-format'
import type { BackupProgress, BackupResult, RestoreMode, RestoreResult } from './backup-protocol'

const PAGE_SIZE = 500

export async function backupDatabase(
  db: TracemarkDB,
  onProgress: (p: BackupProgress) => void,
  now: Date = new Date(),
): Promise<BackupResult> {
  const counts = await tableCounts(db)
  const totalRows = Object.values(counts).reduce((a, b) => a + b, 0)
  const createdAt = now.toISOString()
  const parts: BlobPart[] = []
  let failure: Error | null = null
  const zip = new Zip((error, data) => {
    if (error) failure = error
    // A copy: fflate may reuse its buffers.
    else parts.push(new Blob([data.slice()]))
  })
  let rows = 0
  const written: Record<string, number> = {}
  for (const table of BACKUP_TABLES) {
    const file = new ZipDeflate(tableEntryName(table), { level: 6 })
    zip.add(file)
    let after: string | null = null
    let n = 0
    for (;;) {
      const page = await backupPage(db, table, after, PAGE_SIZE)
      if (page.length === 0) break
      file.push(strToU8(page.map((row) => `${encodeRow(row)}\n`).join('')))
      after = rowKey(db, table, page[page.length - 1])
      n += page.length
      rows += page.length
      onProgress({ phase: 'reading', table, rows, totalRows })
    }
    file.push(new Uint8Array(0), true)
    if (failure) throw failure
    written[table] = n
  }
  // Rows the key pages cannot reach (a key that is not a string) or rows written meanwhile
  // would make the backup differ from its manifest: refuse rather than write a wrong one.
  for (const table of BACKUP_TABLES) {
    if (written[table] !== counts[table]) {
      throw new Error(
        `the table ${table} changed or could not be read whole while backing up (${written[table]} of ${counts[table]} rows); try again`,
      )
    }
  }
  const manifest = buildManifest(CURRENT_VERSION, written, createdAt)
  const entry = new ZipDeflate(MANIFEST_ENTRY, { level: 6 })
  zip.add(entry)
  entry.push(strToU8(JSON.stringify(manifest, null, 2)), true)
  zip.end()
  if (failure) throw failure
  return {
    blob: new Blob(parts, { type: 'application/zip' }),
    fileName: backupFileName(createdAt),
    counts: written,
  }
}

/** Reads and checks a backup whole, touching no table: its manifest and every table's rows. */
export function readBackup(fileName: string, bytes: Uint8Array) {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes)
  } catch {
    throw new BackupError(`${fileName} is not a Tracemark backup: it is not a zip file.`)
  }
  const entries = Object.keys(files)
  const manifestBytes = files[MANIFEST_ENTRY]
  const manifest = checkManifest(
    fileName,
    entries,
    manifestBytes ? strFromU8(manifestBytes) : null,
    CURRENT_VERSION,
    BACKUP_TABLES,
  )
  const rows: Record<string, unknown[]> = {}
  for (const [table, count] of Object.entries(manifest.counts)) {
    const data = files[tableEntryName(table)]
    rows[table] = data ? parseTableEntry(fileName, table, strFromU8(data), count) : []
  }
  return { manifest, rows }
}

export async function restoreDatabase(
  db: TracemarkDB,
  file: Blob & { name: string },
  mode: RestoreMode,
  onProgress: (p: BackupProgress) => void,
): Promise<RestoreResult> {
  const { manifest, rows } = readBackup(file.name, new Uint8Array(await file.arrayBuffer()))
  const totalRows = Object.values(manifest.counts).reduce((a, b) => a + b, 0)
  onProgress({ phase: 'reading', table: '', rows: totalRows, totalRows })
  if (mode === 'into-empty' && (await hasStoredWork(db))) {
    throw new BackupError('The database is not empty: restoring would replace everything in it.')
  }
  onProgress({ phase: 'writing', table: '', rows: 0, totalRows })
  // Reported from inside the transaction: a plain call, nothing awaited.
  const written = (rows: number) => onProgress({ phase: 'writing', table: '', rows, totalRows })
  const merged =
    mode === 'merge'
      ? await mergeIntoTables(db, rows, written)
      : (await replaceAllTables(db, rows, manifest.schemaVersion, written), null)
  onProgress({ phase: 'writing', table: '', rows: totalRows, totalRows })
  return { mode, counts: manifest.counts, createdAt: manifest.createdAt, merged }
}
