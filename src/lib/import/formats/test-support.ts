/**
 * Helpers for the format readers' tests: sources cut into chosen chunks, gzip, collecting
 * records. Not shipped (imported by *.test.ts only).
 */
import type { ByteSource, OpenSource, SourceRecord } from './source-record'

export const utf8 = (text: string) => new TextEncoder().encode(text)

/** A re-openable source delivering the bytes in chunks of `size` bytes (or cut at `cuts`). */
export function chunkedSource(bytes: Uint8Array, size: number | number[] = 7): OpenSource {
  const edges = Array.isArray(size)
    ? [0, ...size, bytes.length]
    : Array.from({ length: Math.ceil(bytes.length / size) + 1 }, (_, i) =>
        Math.min(i * size, bytes.length),
      )
  return (): ByteSource => {
    let read = 0
    let i = 1
    const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull(controller) {
        if (i >= edges.length) return controller.close()
        const chunk = bytes.slice(edges[i - 1], edges[i])
        i += 1
        read += chunk.length
        controller.enqueue(chunk)
      },
    })
    return { stream, bytesRead: () => read }
  }
}

export async function gzip(bytes: Uint8Array | string): Promise<Uint8Array<ArrayBuffer>> {
  const data = typeof bytes === 'string' ? utf8(bytes) : new Uint8Array(bytes)
  const stream = new Blob([data]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

export async function collect(records: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = []
  for await (const record of records) out.push(record)
  return out
}

/** The records of the good ones, in order. */
export const good = (records: SourceRecord[]) => records.flatMap((r) => (r.ok ? [r.record] : []))

/** The error a reading ends with (fails the test if it ends without one). */
export async function failure(records: AsyncIterable<SourceRecord>): Promise<Error> {
  try {
    for await (const record of records) void record
  } catch (error) {
    return error as Error
  }
  throw new Error('expected the reading to fail')
}
