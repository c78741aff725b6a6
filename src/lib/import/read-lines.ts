/**
 * Splits a byte stream into text lines without ever holding the whole file: the stream is
 * decoded as UTF-8 (a BOM is dropped) and cut at `\n`; a trailing `\r` is removed.
 */
export interface SourceLine {
  text: string
  /** 1-based line number in the file. */
  lineNumber: number
  /** Bytes of the file consumed so far (at chunk granularity), for progress. */
  bytesRead: number
}

export type ByteStream = ReadableStream<Uint8Array<ArrayBuffer>>

export async function* readLines(stream: ByteStream): AsyncGenerator<SourceLine> {
  let bytesRead = 0
  const counted = stream.pipeThrough(
    new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
      transform(chunk, controller) {
        bytesRead += chunk.byteLength
        controller.enqueue(chunk)
      },
    }),
  )
  const reader = counted.pipeThrough(new TextDecoderStream('utf-8', { fatal: true })).getReader()
  let carry = ''
  let lineNumber = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      // Scan only the new text: rescanning the unfinished line for every chunk is quadratic
      // when a long line arrives in many small chunks (a network or decompression stream).
      const parts = value.split('\n')
      if (parts.length === 1) {
        carry += value
        continue
      }
      parts[0] = carry + parts[0]
      carry = parts.pop() ?? ''
      for (const part of parts) {
        lineNumber += 1
        yield { text: stripCr(part), lineNumber, bytesRead }
      }
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
  if (carry.length > 0) yield { text: stripCr(carry), lineNumber: lineNumber + 1, bytesRead }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line
}
