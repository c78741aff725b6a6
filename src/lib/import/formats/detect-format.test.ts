import { describe, expect, it } from 'vitest'
import { detectFormat, innerName, openDecompressed, refuseUnsupported } from './detect-format'
import { FormatError } from './source-record'
import { gzip, utf8 } from './test-support'

const detect = (text: string, name: string) => detectFormat(utf8(text), name)

describe('detectFormat', () => {
  it('recognises Parquet by its magic bytes, whatever the name', () => {
    expect(detectFormat(utf8('PAR1\u0015\u0004'), 'data.bin')).toBe('parquet')
    expect(detectFormat(utf8('PAR1'), 'data.jsonl')).toBe('parquet')
  })

  it('tells JSON Lines from JSON by content first', () => {
    expect(detect('{"a":1}\n{"a":2}\n', 'x.json')).toBe('jsonl')
    expect(detect('\uFEFF  {"a":1}\r\n[1]\r\n', 'x.txt')).toBe('jsonl')
    expect(detect('{\n  "a": 1\n}\n', 'x.jsonl')).toBe('json')
    expect(detect('[\n{"a":1},\n{"a":2}\n]', 'x.jsonl')).toBe('json')
    expect(detect('[{"a":1},{"a":2}]', 'x')).toBe('json')
    expect(detect('{"a":1}\nnot json', 'x.json')).toBe('json')
  })

  it('follows the name when one line cannot tell', () => {
    expect(detect('{"a":1}', 'x.jsonl')).toBe('jsonl')
    expect(detect('{"a":1}', 'x.ndjson')).toBe('jsonl')
    expect(detect('{"a":1}', 'x.json')).toBe('json')
    expect(detect('{"a":1}\n', 'x.data')).toBe('json')
    // A first line longer than the head: no newline seen.
    expect(detect('{"trace":"aaaa', 'x.jsonl')).toBe('jsonl')
    expect(detect('{"trace":"aaaa', 'x.json')).toBe('json')
  })

  it('keeps a .jsonl with a bad line among the first two', () => {
    expect(detect('{"a":\n{"a":2}\n', 'x.jsonl')).toBe('jsonl')
    expect(detect('{"a":1}\nnope\n', 'x.jsonl')).toBe('jsonl')
  })

  it('reads CSV and TSV from the name, else from the first line', () => {
    expect(detect('a\tb\n1\t2\n', 'x.csv')).toBe('csv')
    expect(detect('a,b\n1,2\n', 'x.tsv')).toBe('tsv')
    expect(detect('a\tb,c\tc\n', 'x.txt')).toBe('tsv')
    expect(detect('a,b\n', 'x.txt')).toBe('csv')
    expect(detect('id,text\n', 'x.jsonl')).toBe('jsonl')
    expect(detect('hello', 'x.json')).toBe('json')
  })

  it('uses the name without .gz for gzip data', () => {
    const gz = new Uint8Array([0x1f, 0x8b, 8, 0])
    expect(detectFormat(gz, 'x.csv.gz')).toBe('csv')
    expect(detectFormat(gz, 'x.parquet.gz')).toBe('parquet')
    expect(detectFormat(gz, 'x.gz')).toBe('jsonl')
    expect(innerName('a.JSONL.GZ')).toBe('a.JSONL')
  })

  it('refuses binary files and unsupported compressions, naming the file', () => {
    const refused: [number[], RegExp][] = [
      [[0x28, 0xb5, 0x2f, 0xfd, 0], /^x: zstd compression is not supported; decompress it first$/],
      [[0x42, 0x5a, 0x68, 0x39], /^x: bzip2 compression is not supported/],
      [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0], /^x: xz compression is not supported/],
      [[0x50, 0x4b, 3, 4, 0], /^x: this is a zip archive, not a data file; unzip it first$/],
      [
        [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0],
        /^x: this is a PNG image \(a binary file\)/,
      ],
      [[0xff, 0xfe, 0x7b, 0], /^x: this is UTF-16 text; save it as UTF-8$/],
      [[0x7f, 0x45, 0x4c, 0x46, 0, 1], /^x: this is a binary file, not text/],
    ]
    for (const [bytes, message] of refused) {
      expect(() => detectFormat(new Uint8Array(bytes), 'x')).toThrow(message)
      expect(() => refuseUnsupported(new Uint8Array(bytes), 'x')).toThrow(FormatError)
    }
  })
})

describe('openDecompressed', () => {
  it('opens a plain file as it is', async () => {
    const file = new Blob(['{"a":1}\n{"a":2}\n'])
    const opened = await openDecompressed(file, 'a.jsonl')
    expect(opened).toMatchObject({ format: 'jsonl', compression: null, blob: file })
  })

  it('looks inside gzip to detect the format, whatever the name', async () => {
    const file = new Blob([await gzip('[{"a":1}]')])
    expect(await openDecompressed(file, 'a.jsonl.gz')).toMatchObject({
      format: 'json',
      compression: 'gzip',
    })
    const tsv = new Blob([await gzip('a\tb\n1\t2\n')])
    expect(await openDecompressed(tsv, 'download')).toMatchObject({
      format: 'tsv',
      compression: 'gzip',
    })
  })

  it('refuses an empty, a blank or a doubly compressed file', async () => {
    await expect(openDecompressed(new Blob([]), 'e.jsonl')).rejects.toThrow(
      'e.jsonl: the file is empty',
    )
    await expect(openDecompressed(new Blob([' \n\t\n']), 'w.json')).rejects.toThrow(
      'w.json: the file holds only whitespace, no records',
    )
    await expect(openDecompressed(new Blob([await gzip('')]), 'e.gz')).rejects.toThrow(
      'e.gz: the compressed file is empty',
    )
    const twice = new Blob([await gzip(await gzip('{"a":1}'))])
    await expect(openDecompressed(twice, 't.gz')).rejects.toThrow(/^t\.gz: compressed twice/)
  })

  it('refuses a binary file inside gzip', async () => {
    const file = new Blob([await gzip(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]))])
    await expect(openDecompressed(file, 'img.jsonl.gz')).rejects.toThrow(
      /^img\.jsonl\.gz: this is a PNG image/,
    )
  })
})
