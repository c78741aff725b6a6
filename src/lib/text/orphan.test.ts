import { describe, expect, it } from 'vitest'
import { isOrphaned, partOrphans, quoteMismatch } from './orphan'

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

describe('partOrphans', () => {
  it('parts spans whose quote no longer matches their own field, keeping order and every span', () => {
    const texts = { reasoning: 'Wait, x = 4.', answer: 'x = 3' }
    const spans = [
      { id: 'a', field: 'reasoning' as const, start: 0, end: 4, quote: 'Wait' },
      { id: 'b', field: 'reasoning' as const, start: 6, end: 11, quote: 'x = 3' },
      { id: 'c', field: 'answer' as const, start: 0, end: 5, quote: 'x = 3' },
      { id: 'd', field: 'answer' as const, start: 2, end: 9, quote: 'gone' },
      { id: 'e', field: 'reasoning' as const, start: 0, end: 2, quote: 'no', rejected: true },
    ]
    const { anchored, listed, orphaned } = partOrphans(spans, (f) => texts[f])
    expect(anchored.map((s) => s.id)).toEqual(['a', 'c', 'e'])
    expect(listed.map((s) => s.id)).toEqual(['a', 'c'])
    expect(orphaned.map((s) => s.id)).toEqual(['b', 'd'])
  })
})
