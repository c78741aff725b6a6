/** The backup worker's contract with the page (through comlink): plain data only. */

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

export interface RestoreResult {
  counts: Record<string, number>
  createdAt: string
}

export interface BackupWorkerApi {
  /** The whole database as one zip (manifest + one JSONL file per table). */
  backup(onProgress: (p: BackupProgress) => void): Promise<BackupResult>
  /**
   * Restores a backup zip. `replace` must be true when the database holds work (the page asks
   * the user first); without it such a restore is refused and nothing changes.
   */
  restore(
    file: File,
    replace: boolean,
    onProgress: (p: BackupProgress) => void,
  ): Promise<RestoreResult>
}
