/** JSON Lines: one record per non-blank line, through the shared line reader and parser. */
import { parseJsonl } from '../parse-jsonl'
import { readLines } from '../read-lines'
import { fileSource } from './byte-source'
import { FormatError, messageOf, type OpenSource, type SourceRecord } from './source-record'

export function readJsonl(
  file: Blob,
  fileName: string,
  signal?: AbortSignal,
): AsyncGenerator<SourceRecord> {
  return readJsonlSource(() => fileSource(file), fileName, signal)
}

export async function* readJsonlSource(
  open: OpenSource,
  fileName: string,
  signal?: AbortSignal,
): AsyncGenerator<SourceRecord> {
  const source = open()
  try {
    for await (const line of parseJsonl(readLines(source.stream))) {
      signal?.throwIfAborted()
      const location = { kind: 'line', index: line.lineNumber } as const
      // The line's own end where the stream is the file; else what the file stream has given.
      const bytesRead = source.decompressed ? source.bytesRead() : line.bytesRead
      if (line.ok) yield { ok: true, record: line.record, location, bytesRead }
      else yield { ok: false, reason: line.reason, location, bytesRead }
    }
  } catch (error) {
    if (error instanceof FormatError || signal?.aborted) throw error
    throw new FormatError(`${fileName}: ${messageOf(error)}`, { cause: error })
  }
}
