import { describe, expect, it } from 'vitest'
import { binMarks, offsetAtFraction } from './minimap'

describe('binMarks', () => {
  it('bins marks by position and jumps to the first of each bin', () => {
    const marks = binMarks([{ start: 90 }, { start: 5 }, { start: 0 }, { start: 55 }], 100, 10)
    expect(marks).toEqual([
      { position: 0, offset: 0, count: 2 },
      { position: 0.5, offset: 55, count: 1 },
      { position: 0.9, offset: 90, count: 1 },
    ])
  })

  it('keeps the last offset in the last bin and draws nothing for an empty text', () => {
    expect(binMarks([{ start: 100 }], 100, 4)[0]?.position).toBe(0.75)
    expect(binMarks([{ start: 0 }], 0, 4)).toEqual([])
  })

  it('draws at most one mark per bin', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ start: i * 40 }))
    expect(binMarks(many, 200_000, 300).length).toBeLessThanOrEqual(300)
  })
})

describe('offsetAtFraction', () => {
  it('clamps to the text', () => {
    expect(offsetAtFraction(0.5, 200)).toBe(100)
    expect(offsetAtFraction(1.2, 200)).toBe(200)
    expect(offsetAtFraction(-1, 200)).toBe(0)
  })
})
