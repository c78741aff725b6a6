/**
 * Parquet, one row group at a time through an AsyncBuffer over `Blob.slice`, so only the footer
 * and the row group being read are in memory. All the common codecs come from
 * hyparquet-compressors. Values are made structured-clone and JSON friendly: INT64 (BigInt)
 * becomes a number, or a string when it is beyond 2^53; dates become ISO strings.
 */
import {
  parquetMetadataAsync,
  parquetReadObjects,
  type AsyncBuffer,
  type FileMetaData,
} from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import { FormatError, messageOf, type SourceRecord } from './source-record'

export function blobBuffer(file: Blob): AsyncBuffer {
  return { byteLength: file.size, slice: (start, end) => file.slice(start, end).arrayBuffer() }
}

export async function* readParquet(
  file: Blob,
  fileName: string,
  signal?: AbortSignal,
): AsyncGenerator<SourceRecord> {
  const buffer = blobBuffer(file)
  let metadata: FileMetaData
  try {
    metadata = await parquetMetadataAsync(buffer)
  } catch (error) {
    throw new FormatError(
      `${fileName}: not a readable Parquet file; its footer is missing or damaged, the file may be truncated (${messageOf(error)})`,
      { cause: error },
    )
  }
  const groups = metadata.row_groups
  let rowStart = 0
  let index = 0
  let bytesBefore = 0
  for (let g = 0; g < groups.length; g++) {
    signal?.throwIfAborted()
    const group = groups[g]!
    const rowEnd = rowStart + Number(group.num_rows)
    let rows: Record<string, unknown>[]
    try {
      rows = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd, compressors })
    } catch (error) {
      const where = `row group ${g + 1} of ${groups.length} (rows ${rowStart + 1} to ${rowEnd})`
      throw new FormatError(`${fileName}: Parquet ${where} cannot be read (${messageOf(error)})`, {
        cause: error,
      })
    }
    const groupBytes =
      g === groups.length - 1
        ? file.size - bytesBefore
        : Math.min(compressedSize(group), file.size - bytesBefore)
    for (let i = 0; i < rows.length; i++) {
      signal?.throwIfAborted()
      index += 1
      const bytesRead = bytesBefore + Math.round((groupBytes * (i + 1)) / rows.length)
      yield { ok: true, record: plain(rows[i]), location: { kind: 'row', index }, bytesRead }
    }
    bytesBefore += groupBytes
    rowStart = rowEnd
  }
}

function compressedSize(group: FileMetaData['row_groups'][number]): number {
  return group.columns.reduce(
    (sum, column) => sum + Number(column.meta_data?.total_compressed_size ?? 0),
    0,
  )
}

/** A value without BigInt, Date or typed arrays, for structured clone and JSON. */
export function plain(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString()
  }
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  if (Array.isArray(value)) return value.map(plain)
  if (ArrayBuffer.isView(value)) {
    return Array.from(value as unknown as ArrayLike<unknown>, plain)
  }
  const out: Record<string, unknown> = {}
  for (const [key, member] of Object.entries(value)) out[key] = plain(member)
  return out
}
