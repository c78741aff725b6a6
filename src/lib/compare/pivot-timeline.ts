/**
 * A trace's pivot sequence as a compact timeline: one tick per pivot (binned, so a trace with
 * thousands draws a few hundred ticks at most) at its relative position along the reasoning,
 * coloured by category. Every pane uses the same 0..1 axis, so the timelines line up.
 */
import type { Lexicon } from '../traces/trace-model'

export interface TimelineTick {
  /** Fraction of the reasoning (0..1) where the bin starts. */
  position: number
  /** Offset of the first pivot in the bin: where a click scrolls. */
  offset: number
  count: number
  categoryId: string
  color: string
}

export function pivotTimeline(
  pivots: readonly { start: number; categoryId: string }[],
  length: number,
  lexicon: Lexicon,
  bins = 200,
): TimelineTick[] {
  if (length <= 0 || bins <= 0) return []
  const colors = new Map(lexicon.categories.map((c) => [c.id, c.color]))
  const found = new Map<string, TimelineTick>()
  for (const p of pivots) {
    const bin = Math.min(bins - 1, Math.floor((p.start / length) * bins))
    const key = `${p.categoryId}:${bin}`
    const tick = found.get(key)
    if (tick) {
      tick.count += 1
      tick.offset = Math.min(tick.offset, p.start)
    } else {
      found.set(key, {
        position: bin / bins,
        offset: p.start,
        count: 1,
        categoryId: p.categoryId,
        color: colors.get(p.categoryId) ?? '#64748b',
      })
    }
  }
  return [...found.values()].sort((a, b) => a.position - b.position)
}
