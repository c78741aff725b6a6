/// <reference types="node" />
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { parquetMetadata } from 'hyparquet'
import { parquetWriteBuffer } from 'hyparquet-writer'
import type { ColumnSource } from 'hyparquet-writer'
import { describe, expect, it } from 'vitest'
import { plain, readParquet } from './parquet'
import { FormatError } from './source-record'
import { collect, failure, good } from './test-support'

/** Codecs hyparquet-writer can write here: snappy is built in; gzip and brotli come from node. */
const WRITERS = {
  GZIP: (input: Uint8Array) => new Uint8Array(gzipSync(input)),
  BROTLI: (input: Uint8Array) => new Uint8Array(brotliCompressSync(input)),
}
type Codec = 'UNCOMPRESSED' | 'SNAPPY' | 'GZIP' | 'BROTLI'

const ROWS = 25
const traces = Array.from(
  { length: ROWS },
  (_, i) => `Wait, step ${i} 😀 世界 "q" \\ ${'x'.repeat(i * 40)}`,
)

function columns(): ColumnSource[] {
  return [
    { name: 'id', data: Array.from({ length: ROWS }, (_, i) => BigInt(i)), type: 'INT64' },
    { name: 'trace', data: traces, type: 'STRING' },
    { name: 'correct', data: Array.from({ length: ROWS }, (_, i) => i % 2 === 0), type: 'BOOLEAN' },
    {
      name: 'score',
      data: Array.from({ length: ROWS }, (_, i) => (i === 3 ? null : i / 4)),
      type: 'DOUBLE',
    },
  ]
}

function write(codec: Codec, rowGroupSize = 10, data = columns()): Blob {
  const buffer = parquetWriteBuffer({ columnData: data, codec, compressors: WRITERS, rowGroupSize })
  return new Blob([buffer])
}

const expectedRow = (i: number) => ({
  id: i,
  trace: traces[i],
  correct: i % 2 === 0,
  score: i === 3 ? null : i / 4,
})

describe('readParquet', () => {
  for (const codec of ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'BROTLI'] as const) {
    it(`reads ${codec} row groups in order, one record per row`, async () => {
      const file = write(codec)
      const buffer = new Uint8Array(await file.arrayBuffer())
      const metadata = parquetMetadata(buffer.buffer)
      expect(metadata.row_groups).toHaveLength(3)
      expect(metadata.row_groups[0]!.columns[1]!.meta_data?.codec).toBe(codec)
      const records = await collect(readParquet(file, 'traces.parquet'))
      expect(good(records)).toEqual(Array.from({ length: ROWS }, (_, i) => expectedRow(i)))
      expect(records.map((r) => r.location.index)).toEqual(
        Array.from({ length: ROWS }, (_, i) => i + 1),
      )
      expect(records.every((r) => r.location.kind === 'row')).toBe(true)
    })
  }

  it('reports bytes read by row group, never decreasing, ending at the file size', async () => {
    const file = write('SNAPPY', 5)
    const counts = (await collect(readParquet(file, 'a.parquet'))).map((r) => r.bytesRead)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    expect(counts.at(-1)).toBe(file.size)
    expect(counts[4]).toBeLessThan(file.size)
  })

  it('turns INT64 into numbers, and into strings beyond 2^53, so records clone and stringify', async () => {
    const big = 2n ** 60n + 1n
    const file = write('SNAPPY', 10, [{ name: 'n', data: [1n, -5n, big], type: 'INT64' }])
    const records = good(await collect(readParquet(file, 'a.parquet')))
    expect(records).toEqual([{ n: 1 }, { n: -5 }, { n: '1152921504606846977' }])
    expect(JSON.parse(JSON.stringify(records))).toEqual(records)
    expect(structuredClone(records)).toEqual(records)
  })

  it('keeps nested values as arrays and objects', async () => {
    const turns = [
      [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: '<think>x</think>' },
      ],
      [],
    ]
    const file = write('SNAPPY', 10, [{ name: 'turns', data: turns, type: 'JSON' }])
    expect(good(await collect(readParquet(file, 'a.parquet')))).toEqual([
      { turns: turns[0] },
      { turns: turns[1] },
    ])
  })

  it('stops between rows when the signal is aborted', async () => {
    const controller = new AbortController()
    let n = 0
    const read = async () => {
      for await (const r of readParquet(write('SNAPPY'), 'a.parquet', controller.signal)) {
        void r
        if (++n === 2) controller.abort()
      }
    }
    await expect(read()).rejects.toThrow()
    expect(n).toBe(2)
  })

  it('refuses a truncated file, naming it', async () => {
    const file = write('SNAPPY')
    const error = await failure(readParquet(file.slice(0, file.size - 100), 'cut.parquet'))
    expect(error).toBeInstanceOf(FormatError)
    expect(error.message).toMatch(
      /^cut\.parquet: not a readable Parquet file; its footer is missing or damaged/,
    )
  })

  it('refuses a file with damaged data pages, naming the row group', async () => {
    const bytes = new Uint8Array(await write('SNAPPY').arrayBuffer())
    const metadata = parquetMetadata(bytes.buffer)
    // Overwrite the page header of the trace column of the second row group.
    const start = Number(metadata.row_groups[1]!.columns[1]!.meta_data!.data_page_offset)
    bytes.fill(0xff, start, start + 16)
    const error = await failure(readParquet(new Blob([bytes]), 'bad.parquet'))
    expect(error).toBeInstanceOf(FormatError)
    expect(error.message).toMatch(
      /^bad\.parquet: Parquet row group 2 of 3 \(rows 11 to 20\) cannot be read/,
    )
  })
})

describe('plain', () => {
  it('converts BigInt, Date and typed arrays deep inside values', () => {
    const value = {
      a: [1n, { b: new Date('2024-01-02T03:04:05Z') }],
      c: new Int32Array([1, 2]),
      d: new BigInt64Array([3n]),
      e: null,
      f: 'text',
    }
    expect(plain(value)).toEqual({
      a: [1, { b: '2024-01-02T03:04:05.000Z' }],
      c: [1, 2],
      d: [3],
      e: null,
      f: 'text',
    })
    expect(plain(-(2n ** 63n))).toBe('-9223372036854775808')
    expect(plain(new Date(NaN))).toBe(null)
  })
})
