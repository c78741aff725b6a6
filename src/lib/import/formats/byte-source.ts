/**
 * Byte sources for the text readers: the file's stream with a byte counter (progress is always
 * in bytes of the file as stored, also when it is decompressed on the way), gzip decompression,
 * and UTF-8 decoding that names the file and the byte of an invalid sequence.
 */
import { FormatError, messageOf, type ByteSource, type ByteStream } from './source-record'

export function fileSource(file: Blob): ByteSource {
  let bytes = 0
  const stream = file.stream().pipeThrough(
    new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
      transform(chunk, controller) {
        bytes += chunk.byteLength
        controller.enqueue(chunk)
      },
    }),
  )
  return { stream, bytesRead: () => bytes }
}

/**
 * The file decompressed as gzip; corrupt or truncated data becomes a FormatError. With
 * `countInflated` (the gzip trailer gives the size: uncompressedSize), progress counts the
 * decompressed bytes the reader has taken, against that size (issue #12: the compressed bytes
 * run far ahead of the work, so "2.5 of 2.9 MB, 5 s left" lasted minutes); the stream's own
 * bytes are then the file's, for readers that count lines.
 */
export function gzipSource(file: Blob, fileName: string, countInflated = false): ByteSource {
  const raw = fileSource(file)
  let inflatedBytes = 0
  const inflated: ByteStream = raw.stream.pipeThrough(new DecompressionStream('gzip'))
  const stream = mapErrors(
    inflated,
    (error) =>
      new FormatError(`${fileName}: the gzip data is corrupt or truncated (${messageOf(error)})`),
    (chunk) => (inflatedBytes += chunk.byteLength),
  )
  if (countInflated) return { stream, bytesRead: () => inflatedBytes }
  return { stream, bytesRead: raw.bytesRead, decompressed: true }
}

/** The same stream, with its errors replaced (a decompression error is not a UTF-8 error). */
function mapErrors(
  stream: ByteStream,
  map: (error: unknown) => Error,
  onChunk: (chunk: Uint8Array) => void = () => {},
): ByteStream {
  const reader = stream.getReader()
  return new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await reader.read()
        if (done) controller.close()
        else {
          onChunk(value)
          controller.enqueue(value)
        }
      } catch (error) {
        controller.error(error instanceof FormatError ? error : map(error))
      }
    },
    cancel: (reason) => reader.cancel(reason),
  })
}

/** Up to `limit` first bytes of a source, then the source is cancelled. */
export async function readHead(source: ByteSource, limit: number): Promise<Uint8Array> {
  const reader = source.stream.getReader()
  const parts: Uint8Array[] = []
  let length = 0
  try {
    while (length < limit) {
      const { done, value } = await reader.read()
      if (done) break
      parts.push(value)
      length += value.byteLength
    }
  } finally {
    await reader.cancel().catch(() => undefined)
  }
  const head = new Uint8Array(Math.min(length, limit))
  let at = 0
  for (const part of parts) {
    const take = part.subarray(0, head.length - at)
    head.set(take, at)
    at += take.length
    if (at >= head.length) break
  }
  return head
}

/**
 * Decodes a source as UTF-8 text chunks (a BOM is dropped). Invalid bytes throw a FormatError
 * naming the file and the byte offset. The stream is cancelled if the consumer stops early.
 */
export async function* decodeText(
  source: ByteSource,
  fileName: string,
  signal?: AbortSignal,
): AsyncGenerator<string> {
  const reader = source.stream.getReader()
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let offset = 0
  let finished = false
  try {
    for (;;) {
      signal?.throwIfAborted()
      const { done, value } = await reader.read()
      if (done) break
      let text: string
      try {
        text = decoder.decode(value, { stream: true })
      } catch {
        throw notUtf8(fileName, offset + firstInvalidByte(value))
      }
      offset += value.byteLength
      if (text.length > 0) yield text
    }
    finished = true
    let tail: string
    try {
      tail = decoder.decode()
    } catch {
      throw new FormatError(
        `${fileName}: not UTF-8 text (the file ends inside a multi-byte character at byte ${offset})`,
      )
    }
    if (tail.length > 0) yield tail
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined)
    reader.releaseLock()
  }
}

function notUtf8(fileName: string, byte: number): FormatError {
  return new FormatError(`${fileName}: not UTF-8 text (invalid byte at byte ${byte})`)
}

/**
 * Index of the first byte of `bytes` that cannot be valid UTF-8. Leading continuation bytes are
 * taken as the end of a character begun in the previous chunk.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length && i < 3 && (bytes[i]! & 0xc0) === 0x80) i++
  while (i < bytes.length) {
    const b = bytes[i]!
    const length =
      b < 0x80
        ? 1
        : b >= 0xc2 && b < 0xe0
          ? 2
          : b >= 0xe0 && b < 0xf0
            ? 3
            : b >= 0xf0 && b < 0xf5
              ? 4
              : 0
    if (length === 0) return i
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return i
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i
    }
    i += length
  }
  return Math.max(0, bytes.length - 1)
}

/**
 * The size a file will have once read: for gzip, the ISIZE trailer (the uncompressed length
 * modulo 4 GiB), trusted only when the file is under 4 GiB and the trailer is at least the
 * compressed size (else it wrapped); otherwise the file's own size.
 */
export async function uncompressedSize(file: Blob): Promise<number> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer())
  if (file.size < 18 || head[0] !== 0x1f || head[1] !== 0x8b) return file.size
  const tail = new DataView(await file.slice(file.size - 4).arrayBuffer())
  const isize = tail.getUint32(0, true)
  return file.size < 2 ** 32 && isize >= file.size ? isize : file.size
}

/** True when the gzip trailer tells the uncompressed size (see uncompressedSize). */
export async function knowsUncompressedSize(file: Blob): Promise<boolean> {
  return (await uncompressedSize(file)) !== file.size
}
