import { describe, expect, it } from 'vitest'
import { isOrphaned, quoteMismatch } from './orphan'

describe('quoteMismatch', () => {
  it('explains bad ranges', () => {
    expect(quoteMismatch('abc', 2, 1, '')).toBe('offsets 2..1 are not a valid range')
    expect(quoteMismatch('abc', 1, 4, 'bc')).toBe('end 4 is past the end of the text (3)')
    expect(quoteMismatch('abc', 0.5, 1, 'a')).toMatch(/not a valid range/)
    expect(quoteMismatch('abc', 1, 3, 'bc')).toBeNull()
  })
})

describe('isOrphaned', () => {
  it('holds when the text under the offsets is no longer the quote', () => {
    expect(isOrphaned({ start: 1, end: 3, quote: 'bc' }, 'abc')).toBe(false)
    expect(isOrphaned({ start: 1, end: 3, quote: 'bc' }, 'aXc')).toBe(true)
    expect(isOrphaned({ start: 2, end: 5, quote: 'c' }, 'abc')).toBe(true)
  })
})
