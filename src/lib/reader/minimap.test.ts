import { describe, expect, it } from 'vitest'
import { offsetAtFraction, rasteriseMinimap, type MinimapLane } from './minimap'

describe('offsetAtFraction', () => {
  it('clamps to the text', () => {
    expect(offsetAtFraction(0.5, 200)).toBe(100)
    expect(offsetAtFraction(1.2, 200)).toBe(200)
    expect(offsetAtFraction(-1, 200)).toBe(0)
  })
})

describe('rasteriseMinimap', () => {
  const lane = (kind: string, starts: number[], color = '#000'): MinimapLane => ({
    kind,
    label: kind,
    x: [0, 1],
    ranges: starts.map((start) => ({ start })),
    colorOf: () => color,
  })

  it('draws one row per pixel row per lane, jumping to the first mark of the row', () => {
    const { drawn } = rasteriseMinimap([lane('pivot', [90, 5, 0, 55])], 100, 10)
    expect(drawn[0]).toEqual([
      { y: 9, color: '#000', offset: 90, count: 1 },
      { y: 0, color: '#000', offset: 0, count: 2 },
      { y: 5, color: '#000', offset: 55, count: 1 },
    ])
  })

  it('reports the lane drawn last at a row, with a row of slack either side', () => {
    const { hit } = rasteriseMinimap([lane('backtrack', [50]), lane('span', [52])], 100, 10)
    expect(hit(5)?.lane.kind).toBe('span')
    expect(hit(6)?.row.offset).toBe(52)
    expect(hit(8)).toBeNull()
  })

  it('keeps 5,000 marks to at most one row each per pixel row', () => {
    const many = Array.from({ length: 5000 }, (_, i) => i * 40)
    const { drawn } = rasteriseMinimap([lane('span', many)], 200_000, 600)
    expect(drawn[0]!.length).toBe(600)
  })
})
