import { describe, expect, it } from 'vitest'
import { decodeText, fileSource, firstInvalidByte, gzipSource, readHead } from './byte-source'
import { FormatError } from './source-record'
import { chunkedSource, gzip, utf8 } from './test-support'

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = ''
  for await (const chunk of chunks) out += chunk
  return out
}

describe('decodeText', () => {
  it('decodes UTF-8 cut anywhere, dropping a BOM', async () => {
    const source = utf8('\uFEFFcafé 世界 😀 end')
    for (let size = 1; size <= 5; size++) {
      expect(await text(decodeText(chunkedSource(source, size)(), 'a.txt'))).toBe(
        'café 世界 😀 end',
      )
    }
  })

  it('names the file and the byte of an invalid sequence', async () => {
    const bytes = new Uint8Array([...utf8('{"a":"ok'), 0xff, ...utf8('"}')])
    const error = await text(decodeText(chunkedSource(bytes, 4)(), 'bad.json')).catch((e) => e)
    expect(error).toBeInstanceOf(FormatError)
    expect(error.message).toBe('bad.json: not UTF-8 text (invalid byte at byte 8)')
  })

  it('reports a file cut inside a multi-byte character', async () => {
    const bytes = utf8('ok 😀').slice(0, -2)
    await expect(text(decodeText(chunkedSource(bytes)(), 'cut.txt'))).rejects.toThrow(
      'cut.txt: not UTF-8 text (the file ends inside a multi-byte character at byte 5)',
    )
  })

  it('stops early without error when the consumer stops', async () => {
    const source = chunkedSource(utf8('abcdefgh'.repeat(10)), 4)()
    for await (const chunk of decodeText(source, 'a.txt')) {
      expect(chunk).toBe('abcd')
      break
    }
    expect(source.bytesRead()).toBeLessThan(80)
  })

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      text(decodeText(chunkedSource(utf8('abc'))(), 'a.txt', controller.signal)),
    ).rejects.toThrow()
  })
})

describe('firstInvalidByte', () => {
  it('finds a stray byte, a bad continuation and a 5-byte lead', () => {
    expect(firstInvalidByte(new Uint8Array([0x61, 0xff]))).toBe(1)
    expect(firstInvalidByte(new Uint8Array([0x61, 0xc3, 0x41]))).toBe(1)
    expect(firstInvalidByte(new Uint8Array([0xf8, 0x80]))).toBe(0)
  })

  it('takes leading continuation bytes as the end of the previous chunk’s character', () => {
    expect(firstInvalidByte(new Uint8Array([0x80, 0x80, 0x61, 0xc0]))).toBe(3)
  })
})

describe('fileSource and gzipSource', () => {
  it('counts the bytes of the file, compressed or not', async () => {
    const body = 'x'.repeat(100_000)
    const plain = fileSource(new Blob([body]))
    expect(await text(decodeText(plain, 'a'))).toBe(body)
    expect(plain.bytesRead()).toBe(100_000)
    const packed = await gzip(body)
    const unpacked = gzipSource(new Blob([packed]), 'a.gz')
    expect(await text(decodeText(unpacked, 'a.gz'))).toBe(body)
    expect(unpacked.bytesRead()).toBe(packed.length)
  })

  it('turns corrupt or truncated gzip data into a FormatError naming the file', async () => {
    const packed = await gzip('hello world '.repeat(100))
    const truncated = gzipSource(new Blob([packed.slice(0, packed.length - 12)]), 'cut.jsonl.gz')
    await expect(text(decodeText(truncated, 'cut.jsonl.gz'))).rejects.toThrow(
      /^cut\.jsonl\.gz: the gzip data is corrupt or truncated/,
    )
  })

  it('reads the head of a source, however it is chunked', async () => {
    const head = await readHead(chunkedSource(utf8('abcdefghij'), 3)(), 5)
    expect(new TextDecoder().decode(head)).toBe('abcde')
    const short = await readHead(chunkedSource(utf8('abc'), 2)(), 5)
    expect(new TextDecoder().decode(short)).toBe('abc')
  })
})
