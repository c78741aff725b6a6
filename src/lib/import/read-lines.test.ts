import { describe, expect, it } from 'vitest'
import { readLines, type ByteStream, type SourceLine } from './read-lines'

const utf8 = (text: string) => new TextEncoder().encode(text)

/** A stream that delivers exactly these chunks, in order. */
function streamOf(...chunks: Uint8Array[]): ByteStream {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk))
      controller.close()
    },
  })
}

/** The bytes of `text` cut at the given byte offsets. */
function chunked(text: string, ...cuts: number[]): Uint8Array[] {
  const bytes = utf8(text)
  const edges = [0, ...cuts, bytes.length]
  return edges.slice(1).map((end, i) => bytes.slice(edges[i], end))
}

async function collect(stream: ByteStream): Promise<SourceLine[]> {
  const lines: SourceLine[] = []
  for await (const line of readLines(stream)) lines.push(line)
  return lines
}

const texts = async (stream: ByteStream) => (await collect(stream)).map((l) => l.text)

describe('readLines', () => {
  it('places each line where it ends in the file, not where the stream has read to (#9)', async () => {
    // One chunk holds many lines: each reports its own end (exact for ASCII), so progress
    // follows the records read rather than jumping to the end of the chunk.
    const text = 'aaaa\nbbbb\ncccc\ndddd\n'
    const lines = await collect(streamOf(utf8(text)))
    expect(lines.map((l) => l.bytesRead)).toEqual([5, 10, 15, 20])
    // Across chunks and multi-byte characters: increasing, within the chunk, the last at the end.
    const cjk = '答案一\n思考二三\nwait\n'
    const ends = (await collect(streamOf(...chunked(cjk, 4, 11)))).map((l) => l.bytesRead)
    expect(ends).toHaveLength(3)
    expect(ends[0]).toBeLessThan(ends[1]!)
    expect(ends[1]).toBeLessThan(ends[2]!)
    expect(ends[2]).toBe(utf8(cjk).length)
  })

  it('splits at newlines and numbers the lines from 1', async () => {
    const lines = await collect(streamOf(utf8('one\ntwo\nthree\n')))
    expect(lines.map((l) => [l.lineNumber, l.text])).toEqual([
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
    ])
  })

  it('yields a last line that has no newline, and no empty line after a final newline', async () => {
    expect(await texts(streamOf(utf8('a\nb')))).toEqual(['a', 'b'])
    expect(await texts(streamOf(utf8('a\nb\n')))).toEqual(['a', 'b'])
  })

  it('yields nothing for an empty stream', async () => {
    expect(await collect(streamOf())).toEqual([])
    expect(await collect(streamOf(new Uint8Array(0)))).toEqual([])
  })

  it('keeps blank lines, so line numbers match the file', async () => {
    const lines = await collect(streamOf(utf8('a\n\n  \nb\n')))
    expect(lines.map((l) => [l.lineNumber, l.text])).toEqual([
      [1, 'a'],
      [2, ''],
      [3, '  '],
      [4, 'b'],
    ])
  })

  it('removes the \\r of CRLF line endings, also when \\r and \\n fall in different chunks', async () => {
    expect(await texts(streamOf(utf8('a\r\nb\r\nc\r\n')))).toEqual(['a', 'b', 'c'])
    expect(await texts(streamOf(...chunked('a\r\nb', 2)))).toEqual(['a', 'b'])
    expect(await texts(streamOf(utf8('last\r')))).toEqual(['last'])
  })

  it('keeps a \\r inside a line (only the line ending is stripped)', async () => {
    expect(await texts(streamOf(utf8('a\rb\n')))).toEqual(['a\rb'])
  })

  it('drops a UTF-8 byte order mark at the start, even split across chunks', async () => {
    const bom = [0xef, 0xbb, 0xbf]
    const body = utf8('{"a":1}\n{"b":2}')
    const whole = new Uint8Array([...bom, ...body])
    expect(await texts(streamOf(whole))).toEqual(['{"a":1}', '{"b":2}'])
    expect(await texts(streamOf(whole.slice(0, 1), whole.slice(1, 2), whole.slice(2)))).toEqual([
      '{"a":1}',
      '{"b":2}',
    ])
  })

  it('reassembles a multi-byte character and a line cut by chunk boundaries', async () => {
    // 'é' is 2 bytes, '世' 3, '😀' 4 (a surrogate pair in UTF-16).
    const text = 'café 世界\n😀 ok\n'
    const bytes = utf8(text)
    const e = bytes.indexOf(0xc3) // first byte of é
    const world = utf8('café ').length // first byte of 世
    const emoji = utf8('café 世界\n').length // first byte of 😀
    const cuts = [e + 1, world + 1, world + 2, emoji + 1, emoji + 3]
    expect(await texts(streamOf(...chunked(text, ...cuts)))).toEqual(['café 世界', '😀 ok'])
  })

  it('gives the same lines whatever the chunking', async () => {
    const text = 'Ünïcödé ✅\r\n\n中文 and 😀😀\nend'
    const expected = ['Ünïcödé ✅', '', '中文 and 😀😀', 'end']
    const length = utf8(text).length
    for (let cut = 1; cut < length; cut++) {
      expect(await texts(streamOf(...chunked(text, cut))), `cut at byte ${cut}`).toEqual(expected)
    }
    // One byte per chunk.
    const single = Array.from({ length: length - 1 }, (_, i) => i + 1)
    expect(await texts(streamOf(...chunked(text, ...single)))).toEqual(expected)
  })

  it('reads a long line arriving in many small chunks without rescanning it (quadratic)', async () => {
    // 8 MB in 4 KB chunks: rescanning the unfinished line per chunk would scan 8 G characters.
    const chunk = utf8('x'.repeat(4096))
    const chunks = Array.from({ length: 2048 }, () => chunk)
    const lines = await collect(streamOf(...chunks, utf8('\nend')))
    expect(lines.map((l) => l.text.length)).toEqual([4096 * 2048, 3])
  })

  it('reports bytes read, never decreasing and reaching the whole size', async () => {
    const text = 'first\nsecond\nthird'
    const lines = await collect(streamOf(...chunked(text, 3, 9, 15)))
    const counts = lines.map((l) => l.bytesRead)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    expect(counts.at(-1)).toBe(utf8(text).length)
  })

  it('yields the lines before invalid UTF-8 bytes, then names the line near them', async () => {
    // The line is known at chunk granularity: here the bad byte starts a chunk.
    const seen: string[] = []
    const read = async () => {
      for await (const line of readLines(
        streamOf(utf8('ok\nfine\n'), new Uint8Array([0xff, 0x0a])),
      ))
        seen.push(line.text)
    }
    await expect(read()).rejects.toThrow('the file is not UTF-8 text (invalid bytes near line 3)')
    expect(seen).toEqual(['ok', 'fine'])
  })
})
