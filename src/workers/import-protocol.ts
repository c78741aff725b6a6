/**
 * The import worker's contract with the page (called through comlink). Everything here crosses
 * a thread boundary by structured clone: plain data only, no closures over app state.
 */
import type { FieldMap, Lexicon } from '../lib/trace-model'

export interface ImportRequest {
  datasetId: string
  name: string
  variant: string
  fileName: string
  lexicon: Lexicon
}

export interface ImportProgress {
  rows: number
  badRows: number
  bytes: number
  totalBytes: number
  elapsedMs: number
}

export interface BadRow {
  line: number
  reason: string
}

export interface ImportSummary {
  datasetId: string
  traceCount: number
  /** Characters of all texts stored: the dataset's size estimate. */
  textChars: number
  badRowCount: number
  /** The first bad rows, with line numbers and reasons (at most MAX_LISTED_BAD_ROWS). */
  badRows: BadRow[]
  fieldMap: FieldMap
  /**
   * True when bad rows were skipped: the dataset stays `importing` until the user decides to keep
   * the valid rows or to discard the import.
   */
  awaitingDecision: boolean
}

export const MAX_LISTED_BAD_ROWS = 200

export interface ImportWorkerApi {
  run(
    file: Blob,
    request: ImportRequest,
    onProgress: (p: ImportProgress) => void,
  ): Promise<ImportSummary>
  /** Stops the running import between two batches; `run` then removes what it wrote and rejects. */
  cancel(): void
}

/** The name of the Web Lock an import holds while its dataset is `importing`. */
export function importLockName(datasetId: string): string {
  return `tracemark-import:${datasetId}`
}
