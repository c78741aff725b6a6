/**
 * What a file is, from its first bytes (magic numbers, then content) with the extension as a
 * hint; and the file opened as a (decompressed) source. Containers and compressions that the
 * browser cannot open, and binary files, are refused with a message naming the file.
 */
import { fileSource, gzipSource, knowsUncompressedSize, readHead } from './byte-source'
import { FormatError, type OpenSource } from './source-record'

export type SourceFormat = 'jsonl' | 'json' | 'csv' | 'tsv' | 'parquet'
export type Compression = 'gzip'

/** Bytes looked at to decide; enough for several JSONL lines or CSV rows. */
export const SNIFF_BYTES = 64 * 1024

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b)
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

/** Formats refused outright: [magic bytes, what the message says]. */
const REFUSED: [number[], string][] = [
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd compression is not supported; decompress it first'],
  [ascii('BZh'), 'bzip2 compression is not supported; decompress it first'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz compression is not supported; decompress it first'],
  [ascii('PK\u0003\u0004'), 'this is a zip archive, not a data file; unzip it first'],
  [
    [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
    'this is a 7-Zip archive, not a data file; extract it first',
  ],
  [[0x89, 0x50, 0x4e, 0x47], 'this is a PNG image (a binary file), not a data file'],
  [[0xff, 0xd8, 0xff], 'this is a JPEG image (a binary file), not a data file'],
  [ascii('%PDF'), 'this is a PDF document (a binary file), not a data file'],
  [[0xff, 0xfe], 'this is UTF-16 text; save it as UTF-8'],
  [[0xfe, 0xff], 'this is UTF-16 text; save it as UTF-8'],
]

export function isGzip(head: Uint8Array): boolean {
  return head[0] === 0x1f && head[1] === 0x8b
}

/** The file name without a compression extension: `a.jsonl.gz` → `a.jsonl`. */
export function innerName(fileName: string): string {
  return fileName.replace(/\.(gz|gzip)$/i, '')
}

function extension(fileName: string): string {
  return /\.([^./\\]+)$/.exec(innerName(fileName))?.[1]?.toLowerCase() ?? ''
}

/** Throws a FormatError if the head is a refused container, compression or binary file. */
export function refuseUnsupported(head: Uint8Array, fileName: string): void {
  for (const [magic, message] of REFUSED) {
    if (startsWith(head, magic)) throw new FormatError(`${fileName}: ${message}`)
  }
  if (head.includes(0)) {
    throw new FormatError(
      `${fileName}: this is a binary file, not text (JSON Lines, JSON, CSV, TSV) or Parquet`,
    )
  }
}

/**
 * The format of a file from its first bytes. For gzip data the content cannot be seen here:
 * the name without `.gz` decides (openDecompressed looks inside).
 */
export function detectFormat(head: Uint8Array, fileName: string): SourceFormat {
  if (startsWith(head, ascii('PAR1'))) return 'parquet'
  const ext = extension(fileName)
  if (isGzip(head)) return byExtension(ext) ?? 'jsonl'
  refuseUnsupported(head, fileName)
  const text = new TextDecoder().decode(head).trimStart()
  const first = text[0]
  if (first === '{' || first === '[') return jsonFamily(text, first, ext)
  const named = byExtension(ext)
  if (named) return named
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const tabs = firstLine.split('\t').length - 1
  const commas = firstLine.split(',').length - 1
  return tabs > commas ? 'tsv' : 'csv'
}

function byExtension(ext: string): SourceFormat | null {
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl'
  if (ext === 'json') return 'json'
  if (ext === 'csv') return 'csv'
  if (ext === 'tsv' || ext === 'tab') return 'tsv'
  if (ext === 'parquet' || ext === 'pq') return 'parquet'
  return null
}

/**
 * JSON Lines if the first line is a whole JSON value and the next line starts another; JSON if
 * the first line is not a whole value (a pretty-printed document). A single line (or a first
 * line longer than the head) is JSON unless it is an object in a file named .jsonl; the JSON
 * reader switches to JSON Lines anyway when a second value follows on a later line.
 */
function jsonFamily(text: string, first: string, ext: string): SourceFormat {
  const namedLines = ext === 'jsonl' || ext === 'ndjson'
  const lines = text.split('\n')
  const next = lines.slice(1).find((line) => line.trim() !== '')
  // One line: an array is a JSON document; an object is one record either way.
  if (next === undefined) return namedLines && first === '{' ? 'jsonl' : 'json'
  if (isJsonValue(lines[0]!)) return namedLines || /^\s*[[{]/.test(next) ? 'jsonl' : 'json'
  // A bad first record in a file named .jsonl, if the next line is a record.
  return namedLines && next !== undefined && isJsonValue(next) ? 'jsonl' : 'json'
}

function isJsonValue(line: string): boolean {
  try {
    JSON.parse(line)
    return true
  } catch {
    return false
  }
}

export interface OpenedFile {
  format: SourceFormat
  compression: Compression | null
  /** Opens the (decompressed) bytes from the start; for the text formats. */
  open: OpenSource
  /** The (decompressed) file, for Parquet, which needs random access. */
  blob: Blob
}

/**
 * Refuses what cannot be read, sees through gzip (whatever the file is called) and detects the
 * format. Gzip-compressed Parquet is decompressed into a Blob, as Parquet needs random access.
 */
export async function openDecompressed(file: Blob, fileName: string): Promise<OpenedFile> {
  if (file.size === 0) throw new FormatError(`${fileName}: the file is empty`)
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer())
  if (!isGzip(head)) {
    const format = detectFormat(head, fileName)
    if (format !== 'parquet') refuseBlank(head, fileName, file.size <= SNIFF_BYTES)
    return { format, compression: null, open: () => fileSource(file), blob: file }
  }
  const countInflated = await knowsUncompressedSize(file)
  const open = () => gzipSource(file, fileName, countInflated)
  const inner = await readHead(open(), SNIFF_BYTES)
  if (inner.length === 0) throw new FormatError(`${fileName}: the compressed file is empty`)
  if (isGzip(inner)) {
    throw new FormatError(`${fileName}: compressed twice (gzip inside gzip); decompress it first`)
  }
  const format = detectFormat(inner, fileName)
  if (format !== 'parquet') {
    refuseBlank(inner, fileName, inner.length < SNIFF_BYTES)
    return { format, compression: 'gzip', open, blob: file }
  }
  const blob = await new Response(open().stream).blob()
  return { format, compression: 'gzip', open: () => fileSource(blob), blob }
}

function refuseBlank(head: Uint8Array, fileName: string, whole: boolean): void {
  if (whole && new TextDecoder().decode(head).trim() === '') {
    throw new FormatError(`${fileName}: the file holds only whitespace, no records`)
  }
}
