import { describe, expect, it } from 'vitest'
import { bootstrapIntervals, drawnMean, drawnMedian, drawnRatio, seededRandom } from './bootstrap'

/**
 * An independent bootstrap, written plainly here: the same seeded generator's draws, each
 * resample materialised as an array, the statistic computed with array methods, and the
 * percentile taken by sorting and interpolating (type 7) by hand.
 */
function naiveInterval(
  values: number[],
  statistic: (sample: number[]) => number,
  resamples: number,
  seed: number,
): [number, number] {
  // mulberry32, transcribed from its public-domain reference
  let a = seed >>> 0
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const stats: number[] = []
  for (let r = 0; r < resamples; r++) {
    const sample = values.map(() => values[Math.floor(random() * values.length)]!)
    stats.push(statistic(sample))
  }
  stats.sort((x, y) => x - y)
  const at = (p: number) => {
    const h = (stats.length - 1) * p
    const i = Math.floor(h)
    return stats[i]! + (h - i) * (stats[Math.min(i + 1, stats.length - 1)]! - stats[i]!)
  }
  return [at(0.025), at(0.975)]
}

const values = [3.2, 8.1, 0, 12.5, 7.7, 4.4, 9.9, 1.1, 6.6, 15.2, 2.3, 5.5, 7.1, 10.4, 0.8]

describe('bootstrapIntervals', () => {
  it('matches an independent computation of the mean and median intervals (fixed seed)', () => {
    const data = Float64Array.from(values)
    const [meanCi, medianCi] = bootstrapIntervals(
      values.length,
      [(d) => drawnMean(data, d), (d) => drawnMedian(data, d)],
      { resamples: 1000, seed: 42 },
    )
    const mean = (s: number[]) => s.reduce((x, y) => x + y, 0) / s.length
    const median = (s: number[]) => {
      const o = [...s].sort((x, y) => x - y)
      const m = o.length >> 1
      return o.length % 2 ? o[m]! : (o[m - 1]! + o[m]!) / 2
    }
    const [lo, hi] = naiveInterval(values, mean, 1000, 42)
    expect(meanCi!.lo).toBeCloseTo(lo, 10)
    expect(meanCi!.hi).toBeCloseTo(hi, 10)
    const [mlo, mhi] = naiveInterval(values, median, 1000, 42)
    expect(medianCi!.lo).toBeCloseTo(mlo, 10)
    expect(medianCi!.hi).toBeCloseTo(mhi, 10)
  })

  it('is close to the normal interval of a mean on a large sample', () => {
    const random = seededRandom(7)
    const data = Float64Array.from({ length: 4000 }, () => random() * 10)
    const m = data.reduce((x, y) => x + y, 0) / data.length
    const sd = Math.sqrt(data.reduce((x, y) => x + (y - m) ** 2, 0) / (data.length - 1))
    const [ci] = bootstrapIntervals(data.length, [(d) => drawnMean(data, d)], { resamples: 2000 })
    const half = (1.96 * sd) / Math.sqrt(data.length)
    expect(ci!.lo).toBeCloseTo(m - half, 1)
    expect(ci!.hi).toBeCloseTo(m + half, 1)
  })

  it('gives the same interval every time, and none for an empty group', () => {
    const data = Float64Array.from(values)
    const run = () => bootstrapIntervals(values.length, [(d) => drawnMean(data, d)])
    expect(run()).toEqual(run())
    expect(bootstrapIntervals(0, [(d) => drawnMean(data, d)])).toEqual([null])
  })

  it('computes a pooled ratio over the drawn traces', () => {
    const pivots = Float64Array.from([1, 2, 3])
    const words = Float64Array.from([100, 0, 200])
    expect(drawnRatio(pivots, words, Uint32Array.from([0, 2, 2]), 1000)).toBeCloseTo(
      (7 / 500) * 1000,
    )
    expect(drawnRatio(pivots, words, Uint32Array.from([1, 1]))).toBeNull()
  })
})
