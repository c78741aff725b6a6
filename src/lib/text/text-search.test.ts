import { describe, expect, it } from 'vitest'
import { compileQuery, findMatches, textMatches } from './text-search'

describe('text search', () => {
  it('ignores queries shorter than two characters', () => {
    expect(compileQuery('')).toBeNull()
    expect(compileQuery(' a ')).toBeNull()
  })

  it('matches literally and case-insensitively', () => {
    const re = compileQuery('a.b (c)')!
    expect(textMatches('x A.B (C) y', re)).toBe(true)
    expect(textMatches('axb (c)', re)).toBe(false)
  })

  it('gives offsets into the stored text, also after emoji and CJK', () => {
    const text = '🙂 Wait, 等等 wait. WAIT'
    const hits = findMatches(text, compileQuery('wait')!)
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['Wait', 'wait', 'WAIT'])
    expect(findMatches(text, compileQuery('等等')!)).toEqual([{ start: 9, end: 11 }])
  })

  it('stops at the limit and can be reused', () => {
    const re = compileQuery('ab')!
    expect(findMatches('ab ab ab', re, 2)).toHaveLength(2)
    expect(textMatches('ab', re)).toBe(true)
    expect(textMatches('ab', re)).toBe(true)
  })
})
