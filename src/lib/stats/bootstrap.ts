/**
 * Percentile bootstrap intervals with a fixed seed, so the same traces always give the same
 * interval (a figure in a paper can be reproduced). Traces are resampled with replacement; every
 * statistic of one resample is computed from the same draw.
 */

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; `seed` fixes the whole sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const BOOTSTRAP_SEED = 20250101
export const BOOTSTRAP_LEVEL = 0.95

/** Resamples: fewer for large groups, where the interval is narrow and each resample is costly. */
export function resampleCount(n: number): number {
  return n > 20_000 ? 200 : n > 5_000 ? 500 : 2_000
}

export interface Interval {
  lo: number
  hi: number
}

/**
 * For each statistic, its percentile interval over `resamples` draws of `n` indices with
 * replacement. A statistic reads the drawn indices (`draw`, length n) and returns a number, or
 * null when undefined for that draw (left out of the interval).
 */
export function bootstrapIntervals(
  n: number,
  statistics: readonly ((draw: Uint32Array) => number | null)[],
  { resamples = resampleCount(n), seed = BOOTSTRAP_SEED, level = BOOTSTRAP_LEVEL } = {},
): (Interval | null)[] {
  if (n === 0) return statistics.map(() => null)
  const random = seededRandom(seed)
  const values = statistics.map(() => [] as number[])
  const draw = new Uint32Array(n)
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) draw[i] = Math.floor(random() * n)
    statistics.forEach((stat, s) => {
      const v = stat(draw)
      if (v !== null && Number.isFinite(v)) values[s]!.push(v)
    })
  }
  return values.map((v) => (v.length === 0 ? null : percentileInterval(v, level)))
}

/** The (1 - level)/2 and (1 + level)/2 quantiles, linearly interpolated (type 7, as R and NumPy). */
export function percentileInterval(values: number[], level = BOOTSTRAP_LEVEL): Interval {
  const sorted = Float64Array.from(values).sort()
  return { lo: quantile(sorted, (1 - level) / 2), hi: quantile(sorted, (1 + level) / 2) }
}

export function quantile(sorted: Float64Array | readonly number[], p: number): number {
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const a = sorted[lo]!
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!
  return a + (h - lo) * (b - a)
}

/** The median of `values` at the drawn indices (a copy is partly sorted; `values` is kept). */
export function drawnMedian(values: Float64Array, draw: Uint32Array): number {
  const picked = new Float64Array(draw.length)
  for (let i = 0; i < draw.length; i++) picked[i] = values[draw[i]!]!
  picked.sort()
  const mid = picked.length >> 1
  return picked.length % 2 === 1 ? picked[mid]! : (picked[mid - 1]! + picked[mid]!) / 2
}

export function drawnMean(values: Float64Array, draw: Uint32Array): number {
  let sum = 0
  for (let i = 0; i < draw.length; i++) sum += values[draw[i]!]!
  return sum / draw.length
}

/** Σ numerator / Σ denominator × scale over the drawn indices; null when the denominator is 0. */
export function drawnRatio(
  numerator: Float64Array,
  denominator: Float64Array,
  draw: Uint32Array,
  scale = 1,
): number | null {
  let a = 0
  let b = 0
  for (let i = 0; i < draw.length; i++) {
    a += numerator[draw[i]!]!
    b += denominator[draw[i]!]!
  }
  return b === 0 ? null : (a / b) * scale
}
