/** The export worker's contract with the page (through comlink): plain data only. */
import type { ExportFilter } from '../lib/export/export-filter'
import type { ExportFormatId, ExportOptions } from '../lib/export/formats'

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

export interface ExportWorkerApi {
  /** Tracemark JSONL of one dataset, every trace with its texts, spans and relations. */
  exportDataset(
    datasetId: string,
    onProgress: (p: ExportProgress) => void,
    choice?: ExportChoice,
  ): Promise<Blob>
  /** The chosen traces (the table's selection), possibly of several datasets. */
  exportTraces(
    traceIds: string[],
    onProgress: (p: ExportProgress) => void,
    choice?: ExportChoice,
  ): Promise<Blob>
}

/** What to export: a dataset, or chosen traces. */
export type ExportTarget = { datasetId: string } | { traceIds: string[] }
