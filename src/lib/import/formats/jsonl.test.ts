import { describe, expect, it } from 'vitest'
import { readJsonl, readJsonlSource } from './jsonl'
import { FormatError } from './source-record'
import { chunkedSource, collect, failure, good, utf8 } from './test-support'

describe('readJsonl', () => {
  it('yields one record per non-blank line, located by file line', async () => {
    const records = await collect(readJsonl(new Blob(['{"a":1}\n\n{"a":2}\r\n']), 'x.jsonl'))
    expect(records.map((r) => r.location)).toEqual([
      { kind: 'line', index: 1 },
      { kind: 'line', index: 3 },
    ])
    expect(good(records)).toEqual([{ a: 1 }, { a: 2 }])
  })

  it('turns a bad line into a bad record and goes on', async () => {
    const records = await collect(readJsonl(new Blob(['{"a":1}\n{"a":\n{"a":3}']), 'x.jsonl'))
    expect(records.map((r) => r.ok)).toEqual([true, false, true])
    expect(records[1]).toMatchObject({ location: { kind: 'line', index: 2 } })
    expect(!records[1]!.ok && records[1]!.reason).toMatch(/^invalid JSON: /)
  })

  it('reads emoji, CJK and escaped surrogate pairs cut at every byte', async () => {
    const record = { thinking: '先想一想 😀', content: 'a\\b "q" ✅' }
    const raw = JSON.stringify(record)
    const text = `\uFEFF${raw}\n${raw.replace('😀', '\\ud83d\\ude00')}\n`
    const bytes = utf8(text)
    for (let cut = 1; cut < bytes.length; cut++) {
      const records = await collect(readJsonlSource(chunkedSource(bytes, [cut]), 'x.jsonl'))
      expect(good(records), `cut at ${cut}`).toEqual([record, record])
    }
  })

  it('reports bytes read, reaching the file size', async () => {
    const text = '{"a":1}\n{"a":2}\n'
    const records = await collect(readJsonlSource(chunkedSource(utf8(text), 5), 'x.jsonl'))
    expect(records.at(-1)?.bytesRead).toBe(text.length)
  })

  it('names the file and the line near invalid UTF-8', async () => {
    const bytes = new Uint8Array([...utf8('{"a":1}\n{"a":"'), 0xc3, 0x28, ...utf8('"}\n')])
    const error = await failure(readJsonlSource(chunkedSource(bytes, 8), 'bad.jsonl'))
    expect(error).toBeInstanceOf(FormatError)
    expect(error.message).toMatch(
      /^bad\.jsonl: the file is not UTF-8 text \(invalid bytes near line 2\)/,
    )
  })
})
