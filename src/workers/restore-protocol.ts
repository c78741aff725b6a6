/**
 * The re-import of Tracemark exports (DESIGN section 6), as the import worker offers it to the
 * page: what the preview found in the file, what the user chose, what was restored.
 * Plain data only: everything crosses the worker boundary by structured clone.
 */
import type { BadRow, ImportProgress } from './import-protocol'

/** An existing dataset whose traces are the file's (same key and problem hash). */
export interface DatasetMatch {
  datasetId: string
  name: string
  /** How many of the file's traces of this dataset it holds. */
  traces: number
}

export interface TracemarkDatasetPreview {
  /** The dataset's id in the file. */
  id: string
  name: string
  traces: number
  spans: number
  relations: number
  /** The dataset's trace count when it was exported (more than `traces` for a selection). */
  exportedTraceCount: number
  match: DatasetMatch | null
}

export interface TracemarkPreview {
  /** What the file is: a Tracemark export, or a colleague's doccano or Label Studio export. */
  source: 'tracemark' | 'doccano' | 'label-studio'
  traces: number
  spans: number
  relations: number
  datasets: TracemarkDatasetPreview[]
  /** Lines that cannot be restored, with line number, field and reason (the first 200). */
  badLines: BadRow[]
  badLineCount: number
}

/**
 * `new`: every dataset of the file is restored as a dataset of its own (with the file's ids where
 * they are free). `merge`: traces that already exist (in the dataset `mergeInto` names for the
 * file's dataset) receive the file's spans and relations; the others are restored as in `new`.
 */
export type RestoreMode = 'new' | 'merge'

export interface RestoreRequest {
  fileName: string
  mode: RestoreMode
  /** File dataset id → existing dataset id, for `merge` (the preview's matches). */
  mergeInto: Record<string, string>
  /** The user chose to restore the valid lines and skip the bad ones; otherwise a bad line stops it. */
  skipBadLines: boolean
}

export type RestoreProgress = ImportProgress

export interface RestoredDataset {
  id: string
  name: string
  traces: number
}

export interface RestoreSummary {
  /** Datasets created by the restore. */
  datasets: RestoredDataset[]
  /** Traces restored into new datasets. */
  traces: number
  /** Existing traces that received the file's spans. */
  mergedTraces: number
  spans: number
  /** Spans of the file already present on the existing traces, so not added again. */
  duplicateSpans: number
  relations: number
  badLineCount: number
  badLines: BadRow[]
}
