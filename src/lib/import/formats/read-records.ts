/**
 * The one entry point of the import for reading a file: refuse what cannot be read, see through
 * gzip, detect the format and hand over to its reader. Records stream out; nothing holds the
 * whole file.
 */
import { readCsvSource } from './csv'
import { openDecompressed, type Compression, type SourceFormat } from './detect-format'
import { readJsonSource } from './json'
import { readJsonlSource } from './jsonl'
import { readParquet } from './parquet'
import { uncompressedSize } from './byte-source'
import { nestedDeeperThan, tooDeepReason } from './record-depth'
import type { SourceRecord } from './source-record'

const FORMAT_NAMES: Record<SourceFormat, string> = {
  jsonl: 'JSON Lines',
  json: 'JSON',
  csv: 'CSV',
  tsv: 'TSV',
  parquet: 'Parquet',
}

/** "JSON Lines", "Parquet (gzip)". */
export function describeFormat(
  format: SourceFormat,
  compression: Compression | null = null,
): string {
  return compression ? `${FORMAT_NAMES[format]} (${compression})` : FORMAT_NAMES[format]
}

/** Every record of the file; one nested too deep to be stored is a bad row (record-depth). */
export async function* readRecords(
  file: Blob,
  fileName: string,
  signal?: AbortSignal,
): AsyncGenerator<SourceRecord> {
  for await (const r of readFormat(file, fileName, signal)) {
    if (r.ok && nestedDeeperThan(r.record)) {
      yield { ok: false, reason: tooDeepReason(), location: r.location, bytesRead: r.bytesRead }
    } else yield r
  }
}

async function* readFormat(
  file: Blob,
  fileName: string,
  signal?: AbortSignal,
): AsyncGenerator<SourceRecord> {
  const opened = await openDecompressed(file, fileName)
  signal?.throwIfAborted()
  switch (opened.format) {
    case 'jsonl':
      return yield* readJsonlSource(opened.open, fileName, signal)
    case 'json':
      return yield* readJsonSource(opened.open, fileName, signal)
    case 'csv':
      return yield* readCsvSource(opened.open, fileName, {}, signal)
    case 'tsv':
      return yield* readCsvSource(opened.open, fileName, { delimiter: '\t' }, signal)
    case 'parquet': {
      if (opened.blob === file) return yield* readParquet(file, fileName, signal)
      // Decompressed: progress in the bytes the import counts for this file (uncompressedSize).
      const total = await uncompressedSize(file)
      for await (const record of readParquet(opened.blob, fileName, signal)) {
        const bytesRead = Math.round((record.bytesRead * total) / opened.blob.size)
        yield { ...record, bytesRead }
      }
    }
  }
}
