/**
 * Opens a file as a byte stream, looking at its first bytes to refuse what is not text and to
 * decompress gzip transparently (whatever the file is called).
 */
import type { ByteStream } from '../lib/import/read-lines'

export class SourceError extends Error {}

const SNIFF_BYTES = 4096

export async function openSourceStream(file: Blob, fileName: string): Promise<ByteStream> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer())
  if (head[0] === 0x1f && head[1] === 0x8b) {
    return file.stream().pipeThrough(new DecompressionStream('gzip'))
  }
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) {
    throw new SourceError(`${fileName}: zstd compression is not supported; decompress it first`)
  }
  if (startsWith(head, 'PAR1')) {
    throw new SourceError(`${fileName}: this is a Parquet file, not JSON Lines`)
  }
  if (startsWith(head, 'PK\u0003\u0004')) {
    throw new SourceError(`${fileName}: this is a zip archive, not JSON Lines; unzip it first`)
  }
  if (head.includes(0)) {
    throw new SourceError(`${fileName}: this is a binary file, not JSON Lines text`)
  }
  return file.stream()
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  return [...magic].every((c, i) => bytes[i] === c.charCodeAt(0))
}
