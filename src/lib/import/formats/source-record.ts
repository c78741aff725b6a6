/**
 * What every format reader yields: one record (or one bad record with its reason) and where it
 * sits in the file. Readers run in the import worker and in node tests, so a record must be
 * structured-clone and JSON friendly (no BigInt, no class instances).
 */
import type { ByteStream } from '../read-lines'

export type { ByteStream }

export type SourceRecord =
  | { ok: true; record: unknown; location: RecordLocation; bytesRead: number }
  | { ok: false; reason: string; location: RecordLocation; bytesRead: number }

/**
 * 1-based position of a record: a JSONL line, a CSV or Parquet data row, an element of a JSON
 * array, or a member of a JSON object keyed by id or problem (with its key).
 */
export interface RecordLocation {
  kind: 'line' | 'row' | 'element' | 'key'
  index: number
  key?: string
}

export function describeLocation(location: RecordLocation): string {
  if (location.kind === 'key') {
    return location.key === undefined
      ? `member ${location.index}`
      : `key ${JSON.stringify(location.key)}`
  }
  return `${location.kind} ${location.index}`
}

/** A whole-file problem; the message starts with the file name. */
export class FormatError extends Error {
  override name = 'FormatError'
}

/** A byte stream and how many bytes of the original file it has consumed, for progress. */
export interface ByteSource {
  stream: ByteStream
  bytesRead: () => number
  /** The stream is decompressed: its own bytes are not the file's. */
  decompressed?: boolean
}

/** Opens the file again from its start: a reader may need a second pass. */
export type OpenSource = () => ByteSource

/** The error's message, for a reason or a wrapped message. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
