import { describe, expect, it } from 'vitest'
import { BATCH_CHARS, BATCH_MAX, batchIsFull, batchLimit } from './batch-size'

describe('batchLimit', () => {
  it('starts at an eighth of a full batch and doubles up to it', () => {
    const chars = [0, 1, 2, 3, 4, 10].map((n) => batchLimit(n).chars)
    expect(chars).toEqual([
      BATCH_CHARS / 8,
      BATCH_CHARS / 4,
      BATCH_CHARS / 2,
      BATCH_CHARS,
      BATCH_CHARS,
      BATCH_CHARS,
    ])
    expect(batchLimit(0).traces).toBe(Math.round(BATCH_MAX / 8))
    expect(batchLimit(5).traces).toBe(BATCH_MAX)
  })
})

describe('batchIsFull', () => {
  it('is full by text or by count, whichever comes first', () => {
    const limit = { chars: 1000, traces: 10 }
    expect(batchIsFull(limit, 3, 999)).toBe(false)
    expect(batchIsFull(limit, 3, 1000)).toBe(true)
    expect(batchIsFull(limit, 10, 5)).toBe(true)
  })
})
