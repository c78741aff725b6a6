/**
 * What every export format offers the export worker (DESIGN section 6): a writer that turns
 * traces into parts of one file, a trace at a time, and a plain statement of what the target
 * cannot carry, shown before anything is written. Must stay thread-portable: plain data only.
 */
import type { TraceBundle } from '../tracemark-schema'

export type ExportFormatId =
  | 'tracemark'
  | 'doccano'
  | 'doccano-relations'
  | 'label-studio'
  | 'web-annotation'
  | 'brat'
  | 'spacy'
  | 'csv'
  | 'parquet'

export interface ExportOptions {
  /** Include the texts where the target can do without them (Tracemark JSONL, CSV, Parquet). */
  texts: boolean
}

export interface ExportWriter {
  /** The parts of the file for one more trace (may be none, when the format buffers). */
  add(bundle: TraceBundle): BlobPart[]
  /** The closing parts. */
  finish(): BlobPart[]
}

/** What the export dialog shows of a format (catalogue.ts): plain data, no writer code. */
export interface ExportFormatInfo {
  id: ExportFormatId
  label: string
  extension: string
  mimeType: string
  /** The unit of the offsets the target reads; null when it holds no offsets. */
  offsetUnit: 'utf16' | 'codepoint' | null
  /** What the target drops, in the user's words; empty for a lossless format. */
  drops: string[]
}

/** A format with its writer (index.ts), for the export worker. */
export interface ExportFormat extends ExportFormatInfo {
  create(options: ExportOptions): ExportWriter
}

/** A writer whose every trace is one line of JSON text. */
export function lineWriter(toLine: (bundle: TraceBundle) => string): ExportWriter {
  return {
    add: (bundle) => [`${toLine(bundle)}\n`],
    finish: () => [],
  }
}
