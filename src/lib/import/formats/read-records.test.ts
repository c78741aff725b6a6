import { parquetWriteBuffer } from 'hyparquet-writer'
import { describe, expect, it } from 'vitest'
import { describeFormat, readRecords } from './read-records'
import { uncompressedSize } from './byte-source'
import { describeLocation, FormatError } from './source-record'
import { collect, failure, good, gzip, utf8 } from './test-support'

const rows = [
  { id: '1', trace: 'Wait, 😀 "quoted", comma' },
  { id: '2', trace: '世界\nsecond line' },
]
const csvText = 'id,trace\n1,"Wait, 😀 ""quoted"", comma"\n2,"世界\nsecond line"\n'
const TEXTS: [string, string][] = [
  ['t.jsonl', rows.map((r) => JSON.stringify(r)).join('\n')],
  ['t.json', JSON.stringify(rows, null, 2)],
  ['t.csv', csvText],
  ['t.tsv', 'id\ttrace\n1\tWait, 😀 "quoted", comma\n2\t"世界\nsecond line"\n'],
]

function parquet(): Uint8Array<ArrayBuffer> {
  const columnData = [
    { name: 'id', data: rows.map((r) => r.id), type: 'STRING' as const },
    { name: 'trace', data: rows.map((r) => r.trace), type: 'STRING' as const },
  ]
  return new Uint8Array(parquetWriteBuffer({ columnData }))
}

const readAll = async (bytes: Uint8Array<ArrayBuffer> | string, name: string) =>
  collect(readRecords(new Blob([bytes]), name))

describe('readRecords', () => {
  for (const [name, text] of TEXTS) {
    it(`reads ${name}, plain and gzip-compressed`, async () => {
      expect(good(await readAll(text, name))).toEqual(rows)
      const packed = await gzip(text)
      const records = await readAll(packed, `${name}.gz`)
      expect(good(records)).toEqual(rows)
      expect(records.at(-1)?.bytesRead).toBe(await uncompressedSize(new Blob([packed])))
    })
  }

  it('reads Parquet, plain and gzip-compressed', async () => {
    expect(good(await readAll(parquet(), 't.parquet'))).toEqual(rows)
    const packed = await gzip(parquet())
    const records = await readAll(packed, 't.parquet.gz')
    expect(good(records)).toEqual(rows)
    expect(records.at(-1)?.bytesRead).toBe(await uncompressedSize(new Blob([packed])))
  })

  it('counts gzip progress in decompressed bytes, against the size in the gzip trailer (#12)', async () => {
    const text = Array.from({ length: 2000 }, (_, i) =>
      JSON.stringify({ id: i, reasoning: `Wait, step ${i}. `.repeat(5) }),
    ).join('\n')
    const packed = await gzip(text)
    const total = await uncompressedSize(new Blob([packed]))
    expect(total).toBe(utf8(text).length)
    expect(packed.length).toBeLessThan(total / 4)
    const records = await readAll(packed, 'big.jsonl.gz')
    expect(records).toHaveLength(2000)
    const at = (i: number) => records[i]!.bytesRead / total
    // Record 1000 of 2000 is about half way, in the bytes the reader has really used.
    expect(at(999)).toBeGreaterThan(0.45)
    expect(at(999)).toBeLessThan(0.55)
    expect(records.at(-1)!.bytesRead).toBe(total)
  })

  it('goes by content when the name is wrong or missing', async () => {
    expect(good(await readAll(TEXTS[0]![1], 't.json'))).toEqual(rows)
    expect(good(await readAll(TEXTS[1]![1], 't.jsonl'))).toEqual(rows)
    expect(good(await readAll(parquet(), 'download'))).toEqual(rows)
    expect(good(await readAll(await gzip(csvText), 'download'))).toEqual(rows)
  })

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    const read = collect(readRecords(new Blob([TEXTS[0]![1]]), 't.jsonl', controller.signal))
    await expect(read).rejects.toThrow()
  })
})

describe('readRecords: malformed files', () => {
  /** The FormatError a file ends with. */
  const refuse = async (bytes: Uint8Array<ArrayBuffer> | string, name: string) => {
    const error = await failure(readRecords(new Blob([bytes]), name))
    expect(error).toBeInstanceOf(FormatError)
    expect(error.message.startsWith(`${name}: `), error.message).toBe(true)
    return error.message
  }

  it('truncated JSON', async () => {
    expect(await refuse('[{"a": 1}, {"a": "tw', 'cut.json')).toMatch(
      /^cut\.json: not valid JSON: the text ends inside a string \(truncated\?\) at line 1, column 21/,
    )
  })

  it('JSON with trailing garbage', async () => {
    expect(await refuse('{"a": 1}\n\nEND', 'tail.json')).toBe(
      'tail.json: not valid JSON: unexpected text after the end of the JSON value at line 3, column 1 (character 11) near "END"',
    )
  })

  it('invalid UTF-8, in JSON, JSON Lines and CSV', async () => {
    const bad = (text: string) => new Uint8Array([...utf8(text), 0xff, ...utf8('"]\n')])
    expect(await refuse(bad('["ok", "'), 'u.json')).toBe(
      'u.json: not UTF-8 text (invalid byte at byte 8)',
    )
    expect(await refuse(bad('{"a":1}\n["'), 'u.jsonl')).toMatch(
      /^u\.jsonl: the file is not UTF-8 text \(invalid bytes near line \d\)/,
    )
    expect(await refuse(bad('a,b\n1,"'), 'u.csv')).toBe(
      'u.csv: not UTF-8 text (invalid byte at byte 7)',
    )
  })

  it('truncated Parquet', async () => {
    const bytes = parquet()
    expect(await refuse(bytes.slice(0, bytes.length - 20), 'cut.parquet')).toMatch(
      /^cut\.parquet: not a readable Parquet file; its footer is missing or damaged/,
    )
  })

  it('a PNG renamed .jsonl', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
    expect(await refuse(png, 'photo.jsonl')).toBe(
      'photo.jsonl: this is a PNG image (a binary file), not a data file',
    )
  })

  it('a zstd-compressed file', async () => {
    const zstd = new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x24, 0x05, 0x29, 0, 0])
    expect(await refuse(zstd, 'a.jsonl.zst')).toBe(
      'a.jsonl.zst: zstd compression is not supported; decompress it first',
    )
  })

  it('a zip file', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])
    expect(await refuse(zip, 'a.zip')).toBe(
      'a.zip: this is a zip archive, not a data file; unzip it first',
    )
  })

  it('a CSV with an unterminated quote', async () => {
    expect(await refuse('a,b\n1,2\n3,"never closed\n4,5\n', 'q.csv')).toBe(
      'q.csv: unterminated quoted field in the row starting at line 3 (a " is never closed)',
    )
  })

  it('an empty file', async () => {
    expect(await refuse('', 'empty.jsonl')).toBe('empty.jsonl: the file is empty')
  })

  it('a .json file with nothing but whitespace', async () => {
    expect(await refuse('  \r\n\t\n ', 'blank.json')).toBe(
      'blank.json: the file holds only whitespace, no records',
    )
  })

  it('a truncated gzip file', async () => {
    const packed = await gzip(TEXTS[0]![1].repeat(50))
    expect(await refuse(packed.slice(0, packed.length - 30), 'cut.jsonl.gz')).toMatch(
      /^cut\.jsonl\.gz: the gzip data is corrupt or truncated/,
    )
  })

  it('a binary file and UTF-16 text', async () => {
    expect(await refuse(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), 'a.out')).toMatch(
      /^a\.out: this is a binary file/,
    )
    expect(await refuse(new Uint8Array([0xff, 0xfe, 0x5b, 0, 0x5d, 0]), 'w.json')).toBe(
      'w.json: this is UTF-16 text; save it as UTF-8',
    )
  })

  it('bad records are not whole-file errors: a bad JSONL line is located', async () => {
    const records = await readAll('{"a":1}\nnope\n', 'x.jsonl')
    const bad = records.find((r) => !r.ok)!
    expect(describeLocation(bad.location)).toBe('line 2')
  })
})

describe('describeFormat', () => {
  it('names a format and its compression', () => {
    expect(describeFormat('jsonl')).toBe('JSON Lines')
    expect(describeFormat('parquet', 'gzip')).toBe('Parquet (gzip)')
    expect(describeFormat('tsv', null)).toBe('TSV')
  })
})
