import { describe, expect, it } from 'vitest'
import { parseJsonl, type ParsedLine } from './parse-jsonl'
import { readLines, type ByteStream } from './read-lines'

/** The UTF-8 bytes of `text` as a stream, cut into chunks at the given byte offsets. */
function streamOf(text: string, cuts: number[]): ByteStream {
  const bytes = new TextEncoder().encode(text)
  const edges = [0, ...cuts, bytes.length]
  return new ReadableStream({
    start(controller) {
      for (let i = 1; i < edges.length; i++) controller.enqueue(bytes.slice(edges[i - 1], edges[i]))
      controller.close()
    },
  })
}

async function parse(text: string, ...cuts: number[]): Promise<ParsedLine[]> {
  const out: ParsedLine[] = []
  for await (const parsed of parseJsonl(readLines(streamOf(text, cuts)))) out.push(parsed)
  return out
}

describe('parseJsonl', () => {
  it('parses one record per line, skipping blank lines but keeping the file line numbers', async () => {
    const parsed = await parse('{"a":1}\n\n   \n{"b":"x"}\n')
    expect(parsed.map(({ ok, lineNumber }) => [ok, lineNumber])).toEqual([
      [true, 1],
      [true, 4],
    ])
    expect(parsed.map((p) => p.ok && p.record)).toEqual([{ a: 1 }, { b: 'x' }])
  })

  it('reads CRLF files with a BOM and no final newline', async () => {
    const text = '\uFEFF{"id":1}\r\n{"id":2}'
    const parsed = await parse(text)
    expect(parsed.map((p) => p.ok && p.record)).toEqual([{ id: 1 }, { id: 2 }])
  })

  it('turns a bad line into a reason with its line number and goes on', async () => {
    const parsed = await parse('{"a":1}\n{"a":\n{"a":3}\n')
    expect(parsed.map((p) => p.ok)).toEqual([true, false, true])
    const bad = parsed[1]!
    expect(bad.lineNumber).toBe(2)
    expect(!bad.ok && bad.reason).toMatch(/^invalid JSON: /)
    expect(parsed[2]).toMatchObject({ ok: true, lineNumber: 3, record: { a: 3 } })
  })

  it('accepts any JSON value; checking that it is an object is the normaliser’s job', async () => {
    const parsed = await parse('42\n"text"\n[1]\nnull\n')
    expect(parsed.map((p) => p.ok && p.record)).toEqual([42, 'text', [1], null])
  })

  it('passes emoji, CJK and escaped surrogate pairs through unchanged, whatever the chunking', async () => {
    const record = { thinking: '先想一想 😀 ✔️', content: '答案: 42 ✅' }
    const raw = JSON.stringify(record)
    // The same text with the emoji written as a \u escape pair (as the SkyThought files do).
    const escaped = raw.replace('😀', '\\ud83d\\ude00')
    const text = `${raw}\n${escaped}\n`
    const length = new TextEncoder().encode(text).length
    for (let cut = 1; cut < length; cut += 3) {
      const parsed = await parse(text, cut)
      expect(
        parsed.map((p) => p.ok && p.record),
        `cut at byte ${cut}`,
      ).toEqual([record, record])
    }
  })

  it('reports the bytes read with each record', async () => {
    const text = '{"a":1}\n{"a":2}\n'
    const parsed = await parse(text, 4, 12)
    expect(parsed.every((p) => p.bytesRead > 0)).toBe(true)
    expect(parsed.at(-1)?.bytesRead).toBe(text.length)
  })
})
