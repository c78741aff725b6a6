/**
 * The import worker's contract with the page (called through comlink). Everything here crosses
 * a thread boundary by structured clone: plain data and Blobs only, no closures over app state.
 */
import type { RecordShape } from '../lib/import/shapes'
import type { BadRow, DuplicateKeys, FieldMap, Lexicon } from '../lib/traces/trace-model'

import type {
  RestoreProgress,
  RestoreRequest,
  RestoreSummary,
  TracemarkPreview,
} from './restore-protocol'

export type { BadRow }

/** How source records become traces: the record shape and which field is which. */
export interface ImportMapping {
  shape: RecordShape
  fieldMap: FieldMap
}

/** What the preview shows before anything is written. */
export interface ImportPreview {
  /** The data to import (for a URL, the downloaded body). */
  file: Blob
  fileName: string
  format: string
  mapping: ImportMapping
  /** Every record shape the samples can be read as, the detected one first. */
  shapes: RecordShape[]
  /** Field names of the (flattened) sample records, for correcting the mapping. */
  fields: string[]
  /** The first source records, as read. */
  samples: unknown[]
  /** Bad records among the first ones read. */
  badSamples: BadRow[]
  /** When no reasoning field was detected: why, naming the field and what it holds. */
  reasoningNote?: string
  /** Set when the file is a Tracemark export: it is restored, not mapped (restore-protocol). */
  tracemark?: TracemarkPreview
  /**
   * The file's valid lines are being written, as a restore into new datasets, while the user
   * chooses (restore-job.ts, StagedRestore): the preview's worker is kept for the restore, which
   * finishes them, or takes them back for another choice; a cancel takes them back.
   */
  staged?: boolean
}

/** A second file that supplies problems (and gold answers) by key, e.g. an items file. */
export interface ProblemSource {
  file: Blob
  fileName: string
}

export interface ImportRequest {
  datasetId: string
  name: string
  variant: string
  fileName: string
  format: string
  lexicon: Lexicon
  mapping: ImportMapping
  /** The model of every trace whose record names none (most files carry no model field). */
  defaultModel?: string
  problems?: ProblemSource
  /** When set, the new dataset replaces this one; annotations move to traces of the same key. */
  replaceDatasetId?: string
}

export interface ImportProgress {
  rows: number
  badRows: number
  bytes: number
  totalBytes: number
  elapsedMs: number
}

export interface ImportSummary {
  datasetId: string
  traceCount: number
  /** Characters of all texts stored: the dataset's size estimate. */
  textChars: number
  badRowCount: number
  /** The first bad rows, with their place in the file and reasons (at most MAX_LISTED_BAD_ROWS). */
  badRows: BadRow[]
  fieldMap: FieldMap
  /** Traces that found their problem in the problems file. */
  joinedProblems: number
  /** Traces whose key an earlier trace already had (replace and re-import match by key). */
  duplicates: DuplicateKeys
  /** Spans moved from a replaced dataset to the new traces (all of them found their key). */
  movedSpans: number
  /**
   * True when bad rows were skipped or a replacement would orphan spans: the dataset is `pending`
   * (the question is stored with it) until the user keeps or discards it.
   */
  awaitingDecision: boolean
}

export const MAX_LISTED_BAD_ROWS = 200

export interface DownloadProgress {
  bytes: number
  totalBytes: number | null
}

/** A URL import stopped before the preview: the body is larger than the limit the user set. */
export interface DownloadTooLarge {
  tooLarge: true
  /** The size the server declared, or the bytes read when the download hit the limit. */
  bytes: number
  limit: number
  /** True when the server said the size; false when the download reached the limit. */
  declared: boolean
}

export interface ImportWorkerApi {
  /** With `stage`, a Tracemark export's valid lines are written while they are read (`staged`). */
  preview(file: Blob, fileName: string, stage?: boolean): Promise<ImportPreview>
  /** Downloads at most `limit` bytes (after checking the URL again), then previews them. */
  previewUrl(
    url: string,
    limit: number,
    onProgress: (p: DownloadProgress) => void,
  ): Promise<ImportPreview | DownloadTooLarge>
  run(
    file: Blob,
    request: ImportRequest,
    onProgress: (p: ImportProgress) => void,
  ): Promise<ImportSummary>
  /** Restores a Tracemark export (a preview with `tracemark` set) as the user chose. */
  restore(
    file: Blob,
    request: RestoreRequest,
    onProgress: (p: RestoreProgress) => void,
  ): Promise<RestoreSummary>
  /** Takes back what a staged preview wrote (the user chose not to restore the file). */
  discardStaged(): Promise<void>
  /** Stops the running import between two batches; `run` then removes what it wrote and rejects. */
  cancel(): void
}

/** The name of the Web Lock an import holds while its dataset is `importing`. */
export function importLockName(datasetId: string): string {
  return `tracemark-import:${datasetId}`
}
