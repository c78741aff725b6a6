/** The export worker's contract with the page (through comlink): plain data only. */
import type { ExportFilter } from '../lib/export/export-filter'
import type { ExportFormatId, ExportOptions } from '../lib/export/formats/export-format'

/** A format and its options; left out, Tracemark JSONL with texts. */
export interface ExportChoice {
  format: ExportFormatId
  options: ExportOptions
  /** Which traces and spans are written (lib/export/export-filter.ts); left out, all. */
  filter?: ExportFilter
}

export interface ExportProgress {
  traces: number
  totalTraces: number
}

/**
 * Takes the next part of the export's file (a page of traces, or the closing part) and resolves
 * once it has been written: the worker reads the next page only then.
 */
export type ExportSink = (part: Blob) => Promise<void>

/**
 * Each call resolves with the whole file as one Blob, or with null when an `emit` sink was given:
 * the file then went to the sink a part at a time, in order.
 */
export interface ExportWorkerApi {
  /** Tracemark JSONL of one dataset, every trace with its texts, spans and relations. */
  exportDataset(
    datasetId: string,
    onProgress: (p: ExportProgress) => void,
    choice?: ExportChoice,
    emit?: ExportSink,
  ): Promise<Blob | null>
  /** The chosen traces (the table's selection), possibly of several datasets. */
  exportTraces(
    traceIds: string[],
    onProgress: (p: ExportProgress) => void,
    choice?: ExportChoice,
    emit?: ExportSink,
  ): Promise<Blob | null>
}

/** What to export: a dataset, or chosen traces. */
export type ExportTarget = { datasetId: string } | { traceIds: string[] }
