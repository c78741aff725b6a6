import { describe, expect, it } from 'vitest'
import { guessDelimiter, readCsv, readCsvSource } from './csv'
import { FormatError, type SourceRecord } from './source-record'
import { chunkedSource, collect, failure, good, utf8 } from './test-support'

const read = (text: string, size = 5, delimiter?: string, name = 'data.csv') =>
  collect(readCsvSource(chunkedSource(utf8(text), size), name, { delimiter }))

const reasons = (records: SourceRecord[]) =>
  records.map((r) => (r.ok ? 'ok' : `${r.location.kind} ${r.location.index}: ${r.reason}`))

describe('readCsv', () => {
  it('reads a header row and one string-valued record per data row', async () => {
    const records = await read('id,problem,score\n1,two plus two,0.5\n2,"three, four",1\n')
    expect(good(records)).toEqual([
      { id: '1', problem: 'two plus two', score: '0.5' },
      { id: '2', problem: 'three, four', score: '1' },
    ])
    expect(records.map((r) => r.location)).toEqual([
      { kind: 'row', index: 1 },
      { kind: 'row', index: 2 },
    ])
  })

  it('reads quoted newlines, doubled quotes, CRLF and a BOM, cut anywhere', async () => {
    const text = '\uFEFFid,trace\r\n1,"Wait, ""no"".\r\nLet me check 😀"\r\n2,世界\r\n'
    const expected = [
      { id: '1', trace: 'Wait, "no".\r\nLet me check 😀' },
      { id: '2', trace: '世界' },
    ]
    const bytes = utf8(text)
    for (let cut = 1; cut < bytes.length; cut++) {
      const records = await collect(readCsvSource(chunkedSource(bytes, [cut]), 'a.csv'))
      expect(good(records), `cut at ${cut}`).toEqual(expected)
    }
    expect(good(await read(text, 1))).toEqual(expected)
  })

  it('reads a last row without a final newline, and skips blank lines', async () => {
    expect(good(await read('a,b\n\n1,2\n\n3,4'))).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ])
  })

  it('makes ragged rows bad records naming the data row and the file line', async () => {
    const text = 'a,b,c\n1,2,3\n"multi\nline",2\n4,5,6,7\n8,9,10\n'
    expect(reasons(await read(text))).toEqual([
      'ok',
      'row 2: 2 fields where the header has 3 (line 3)',
      'row 3: 4 fields where the header has 3 (line 5)',
      'ok',
    ])
  })

  it('reads TSV, from the delimiter option or the file name', async () => {
    const text = 'id\tthinking\n1\tsay "hi", then\n'
    expect(good(await read(text, 4, '\t'))).toEqual([{ id: '1', thinking: 'say "hi", then' }])
    expect(good(await collect(readCsv(new Blob([text]), 'traces.tsv')))).toEqual([
      { id: '1', thinking: 'say "hi", then' },
    ])
  })

  it('guesses the delimiter when it is not given', async () => {
    expect(good(await read('a;b\n1;2,5\n3;4\n', 64))).toEqual([
      { a: '1', b: '2,5' },
      { a: '3', b: '4' },
    ])
    expect(good(await read('a\tb\n1\t2\n', 64))).toEqual([{ a: '1', b: '2' }])
  })

  it('guesses from consistent field counts, ignoring quoted parts', () => {
    expect(guessDelimiter('a;b\n1;2,5\n')).toBe(';')
    expect(guessDelimiter('a|b|c\n"x|,y"|2|3\n')).toBe('|')
    expect(guessDelimiter('a,"b;c"\n1,"2;3"\n')).toBe(',')
    expect(guessDelimiter('single column\nvalue\n')).toBe(',')
  })

  it('names duplicate and empty header cells', async () => {
    expect(good(await read('a,a,,b\n1,2,3,4\n'))).toEqual([
      { a: '1', a_1: '2', column_3: '3', b: '4' },
    ])
  })

  it('refuses an unterminated quote, naming the file and the line', async () => {
    const error = await failure(
      readCsvSource(chunkedSource(utf8('a,b\n1,2\n3,"open\n4,5\n'), 4), 'bad.csv'),
    )
    expect(error).toBeInstanceOf(FormatError)
    expect(error.message).toBe(
      'bad.csv: unterminated quoted field in the row starting at line 3 (a " is never closed)',
    )
  })

  it('makes a malformed quote a bad record', async () => {
    const records = await read('a,b\n1,"x"y"\n2,3\n', 64)
    expect(records[0]).toMatchObject({ ok: false, location: { kind: 'row', index: 1 } })
    expect(good(records)).toEqual([{ a: '2', b: '3' }])
  })

  it('yields nothing for a header alone or an empty text', async () => {
    expect(await read('a,b\n')).toEqual([])
    expect(await read('')).toEqual([])
  })

  it('reads a long quoted field arriving in many small chunks', async () => {
    const long = 'x'.repeat(2_000_000)
    const records = await read(`id,trace\n1,"${long}"\n`, 1000)
    expect(good(records)).toEqual([{ id: '1', trace: long }])
  })

  it('streams a multi-MB file in small chunks', async () => {
    const row = `7,"${'Hmm, wait.\n'.repeat(40)}",answer ✅\n`
    const count = 10_000
    const text = `id,trace,answer\n${row.repeat(count)}`
    expect(text.length).toBeGreaterThan(4_000_000)
    let n = 0
    let lastBytes = 0
    for await (const r of readCsvSource(chunkedSource(utf8(text), 4096), 'big.csv')) {
      if (r.ok) n++
      lastBytes = r.bytesRead
    }
    expect(n).toBe(count)
    expect(lastBytes).toBe(utf8(text).length)
  })
})
