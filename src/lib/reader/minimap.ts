/**
 * The reader's minimap: where marks fall along a text, binned so that a trace with thousands
 * of pivots draws a few hundred marks at most. Positions are fractions of the text length.
 */

export interface MinimapMark {
  /** Fraction of the text (0..1) where the bin starts. */
  position: number
  /** Offset of the first mark in the bin: where a click jumps. */
  offset: number
  count: number
}

export function binMarks(
  ranges: readonly { start: number }[],
  length: number,
  bins: number,
): MinimapMark[] {
  if (length <= 0 || bins <= 0) return []
  const found = new Map<number, MinimapMark>()
  for (const r of ranges) {
    const bin = Math.min(bins - 1, Math.floor((r.start / length) * bins))
    const mark = found.get(bin)
    if (!mark) found.set(bin, { position: bin / bins, offset: r.start, count: 1 })
    else {
      mark.count += 1
      mark.offset = Math.min(mark.offset, r.start)
    }
  }
  return [...found.values()].sort((a, b) => a.position - b.position)
}

/** The text offset at a fraction of the strip's height. */
export function offsetAtFraction(fraction: number, length: number): number {
  return Math.max(0, Math.min(length, Math.round(fraction * length)))
}
