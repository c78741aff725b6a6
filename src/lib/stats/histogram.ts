/**
 * Histograms with shared bins, so that distributions of several groups (datasets, correctness)
 * can be overlaid and compared bar for bar. Bins are [x0, x1), the last one closed.
 */
export interface Bin {
  x0: number
  x1: number
  count: number
}

/**
 * About `target` equal bins over [min, max], with "nice" widths (1, 2 or 5 times a power of ten);
 * at least 1 wide for integer data, so that each bin holds whole values.
 */
export function niceThresholds(min: number, max: number, target = 30, integer = false): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return []
  if (max <= min) return [min, min + 1]
  const raw = (max - min) / target
  const power = 10 ** Math.floor(Math.log10(raw))
  let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw
  if (integer) step = Math.max(1, Math.round(step))
  const start = Math.floor(min / step) * step
  const count = Math.floor((max - start) / step) + 1
  return Array.from({ length: count + 1 }, (_, i) => Number((start + i * step).toPrecision(12)))
}

export function histogram(values: readonly number[], thresholds: readonly number[]): Bin[] {
  const bins: Bin[] = []
  for (let i = 0; i + 1 < thresholds.length; i++)
    bins.push({ x0: thresholds[i]!, x1: thresholds[i + 1]!, count: 0 })
  if (bins.length === 0) return bins
  const first = thresholds[0]!
  const width = thresholds[1]! - first
  for (const v of values) {
    if (v < first || v > thresholds.at(-1)!) continue
    // the estimate can be one off in floating point: settle it against the thresholds
    let i = Math.min(bins.length - 1, Math.floor((v - first) / width))
    while (i + 1 < bins.length && v >= thresholds[i + 1]!) i++
    while (i > 0 && v < thresholds[i]!) i--
    bins[i]!.count++
  }
  return bins
}
