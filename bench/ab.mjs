/**
 * The bench's measuring method (issue #14): a baseline and the measured run alternate, A B A B
 * (at least 3 pairs), and a speed is reported as the median of the per-pair ratios, so that a
 * busy machine, which slows both sides of a pair alike, moves the ratio little.
 */
import { median } from './browser.mjs'

export const PAIRS = 3

/**
 * Runs `baseline` and `measured` alternately, `pairs` times (the baseline first in even pairs,
 * second in odd ones, so neither side always runs on a warmer machine). Each returns a number
 * (a time) or an object with `value` (the time) and anything else to keep.
 * `ratio(baseline, measured)` makes one pair's ratio (default: measured / baseline, for times).
 */
export async function abab({
  pairs = PAIRS,
  baseline,
  measured,
  ratio = (b, m) => m / b,
  label = '',
}) {
  const rows = []
  for (let i = 0; i < pairs; i++) {
    let b
    let m
    if (i % 2 === 0) {
      b = await baseline(i)
      m = await measured(i)
    } else {
      m = await measured(i)
      b = await baseline(i)
    }
    const bv = typeof b === 'number' ? b : b.value
    const mv = typeof m === 'number' ? m : m.value
    rows.push({ baseline: b, measured: m, b: bv, m: mv, ratio: ratio(bv, mv) })
    if (label) {
      console.log(
        `  ${label} pair ${i + 1}: baseline ${fmt(bv)}, measured ${fmt(mv)}, ratio ${ratio(bv, mv).toFixed(3)}`,
      )
    }
  }
  return {
    ratio: median(rows.map((r) => r.ratio)),
    baseline: median(rows.map((r) => r.b)),
    measured: median(rows.map((r) => r.m)),
    rows,
  }
}

const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2))
