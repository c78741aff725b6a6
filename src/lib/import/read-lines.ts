/**
 * Splits a byte stream into text lines without ever holding the whole file: the stream is
 * decoded as UTF-8 (a BOM is dropped) and cut at `\n`; a trailing `\r` is removed.
 */
export interface SourceLine {
  text: string
  /** 1-based line number in the file. */
  lineNumber: number
  /** Bytes of the stream up to the end of this line (interpolated within a chunk), for progress. */
  bytesRead: number
}

export type ByteStream = ReadableStream<Uint8Array<ArrayBuffer>>

export async function* readLines(stream: ByteStream): AsyncGenerator<SourceLine> {
  // Decoded here, one pulled chunk at a time (no stream ahead of us): a line's position is then
  // known to within its chunk. Counting what a pipe had pulled ran megabytes ahead of the lines
  // read, and the import said "0 s left" with most of the file still to come (#9).
  const reader = stream.getReader()
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let bytesBefore = 0
  let carry = ''
  let lineNumber = 0
  try {
    for (;;) {
      const { done, value: bytes } = await reader.read()
      const value = done ? decoder.decode() : decoder.decode(bytes, { stream: true })
      const chunkBytes = done ? 0 : bytes.byteLength
      // Where in the file the text up to `end` of this chunk's text ends (interpolated).
      const at = (end: number) =>
        bytesBefore + (value.length ? Math.round((chunkBytes * end) / value.length) : chunkBytes)
      // Scan only the new text: rescanning the unfinished line for every chunk is quadratic
      // when a long line arrives in many small chunks (a network or decompression stream).
      const parts = value.split('\n')
      if (parts.length > 1) {
        parts[0] = carry + parts[0]
        carry = parts.pop() ?? ''
        let end = -carry.length - 1
        const ends: number[] = []
        for (let i = parts.length - 1; i >= 0; i--) {
          ends[i] = value.length + end
          end -= parts[i]!.length + 1
        }
        for (const [i, part] of parts.entries()) {
          lineNumber += 1
          yield { text: stripCr(part), lineNumber, bytesRead: at(ends[i]! + 1) }
        }
      } else carry += value
      bytesBefore += chunkBytes
      if (done) break
    }
  } catch (error) {
    if (error instanceof TypeError) {
      throw new Error(`the file is not UTF-8 text (invalid bytes near line ${lineNumber + 1})`, {
        cause: error,
      })
    }
    throw error
  } finally {
    reader.releaseLock()
  }
  if (carry.length > 0)
    yield { text: stripCr(carry), lineNumber: lineNumber + 1, bytesRead: bytesBefore }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line
}
