import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { estimateRemaining, formatBytes, formatCount, formatDuration } from './format'

describe('format', () => {
  it('formats bytes with binary units', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB')
    expect(formatBytes(2.5 * 1024 ** 3)).toBe('2.5 GB')
  })

  it('formats durations', () => {
    expect(formatDuration(4_400)).toBe('4 s')
    expect(formatDuration(125_000)).toBe('2 min 5 s')
    expect(formatDuration(3_900_000)).toBe('1 h 5 min')
  })

  it('formats counts with separators', () => {
    expect(formatCount(100000)).toBe('100,000')
    expect(formatCount(0)).toBe('0')
    expect(formatCount(-1234567)).toBe('-1,234,567')
    expect(formatCount(2.5)).toBe('2.5')
  })

  it('groups every integer as toLocaleString does', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => formatCount(n) === n.toLocaleString('en-US')))
  })

  it('estimates the time left from the rate so far', () => {
    expect(estimateRemaining(0, 100, 1000)).toBeNull()
    expect(estimateRemaining(25, 100, 1000)).toEqual({ bytesPerSecond: 25, remainingMs: 3000 })
  })
})
