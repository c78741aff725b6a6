import { describe, expect, it } from 'vitest'
import { isQuotaError, quotaMessage, uncompressedSize } from './quota'

describe('quota messages (#12)', () => {
  it('recognises the error under its names', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true)
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true)
    expect(isQuotaError(new Error('QuotaExceededError: Transaction aborted'))).toBe(true)
    expect(isQuotaError(new Error('invalid JSON'))).toBe(false)
    expect(isQuotaError(null)).toBe(false)
  })

  it('says what was needed against what is left, and what to do', () => {
    const text = quotaMessage('big.jsonl', {
      needed: 50 * 1024 * 1024,
      usage: 9 * 1024 * 1024,
      quota: 10 * 1024 * 1024,
    })
    expect(text).toBe(
      'Browser storage is full: importing big.jsonl needs about 50 MB (an estimate from the ' +
        "file's size), and about 1.0 MB is left (9.0 MB used of about 10 MB). Nothing of this " +
        'import was kept. Delete datasets you no longer need, then import again.',
    )
    expect(quotaMessage('a', { needed: 10, usage: null, quota: null })).toContain(
      'the browser did not say how much is left',
    )
  })
})

describe('uncompressedSize', () => {
  it('reads the gzip trailer, and the plain size of anything else', async () => {
    const { gzipSync } = await import('node:zlib')
    const text = 'a line of text\n'.repeat(1000)
    expect(await uncompressedSize(new Blob([gzipSync(text)]))).toBe(text.length)
    expect(await uncompressedSize(new Blob([text]))).toBe(text.length)
    expect(await uncompressedSize(new Blob([]))).toBe(0)
  })
})
