/** The backup worker's contract with the page (through comlink): plain data only. */
import type { MergeSummary } from '../lib/backup/backup-merge'

export interface BackupProgress {
  phase: 'reading' | 'writing'
  /** The table being read or written. */
  table: string
  /** Rows done so far, over every table. */
  rows: number
  totalRows: number
}

export interface BackupResult {
  blob: Blob
  fileName: string
  counts: Record<string, number>
}

/**
 * `into-empty`: only into a database without work (refused otherwise); `replace`: every table
 * replaced by the backup's; `merge`: the backup's work added onto what is here
 * (lib/backup/backup-merge.ts).
 */
export type RestoreMode = 'into-empty' | 'replace' | 'merge'

export interface RestoreResult {
  mode: RestoreMode
  /** The backup's rows per table. */
  counts: Record<string, number>
  createdAt: string
  /** What a merge added (null for the other modes). */
  merged: MergeSummary | null
}

export interface BackupWorkerApi {
  /** The whole database as one zip (manifest + one JSONL file per table). */
  backup(onProgress: (p: BackupProgress) => void): Promise<BackupResult>
  /**
   * Restores a backup zip. Into a database that holds work only as `replace` or `merge` (the
   * page asks the user first); `into-empty` is then refused and nothing changes.
   */
  restore(
    file: File,
    mode: RestoreMode,
    onProgress: (p: BackupProgress) => void,
  ): Promise<RestoreResult>
}
