import { describe, expect, it } from 'vitest'
import { histogram, niceThresholds } from './histogram'

describe('histogram', () => {
  it('puts every value in exactly one bin of nice width', () => {
    const values = [0, 0.5, 1, 9.99, 10, 37]
    const thresholds = niceThresholds(0, 37, 4)
    expect(thresholds).toEqual([0, 10, 20, 30, 40])
    const bins = histogram(values, thresholds)
    expect(bins.map((b) => b.count)).toEqual([4, 1, 0, 1])
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(values.length)
  })

  it('uses whole-number bins for integer data and never misplaces a value at a threshold', () => {
    expect(niceThresholds(0, 6, 30, true)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    const thresholds = niceThresholds(0, 6, 30)
    const bins = histogram([6, 0.6, 1.2], thresholds)
    expect(bins.find((b) => b.x0 === 6)?.count).toBe(1)
    expect(bins.find((b) => b.x0 === 0.6)?.count).toBe(1)
    expect(bins.find((b) => b.x0 === 1.2)?.count).toBe(1)
  })

  it('handles a single value and no values', () => {
    expect(histogram([5, 5], niceThresholds(5, 5))).toEqual([{ x0: 5, x1: 6, count: 2 }])
    expect(niceThresholds(Infinity, -Infinity)).toEqual([])
    expect(histogram([], [])).toEqual([])
  })
})
