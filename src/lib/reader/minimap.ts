/**
 * The reader's minimap: where marks fall along a text, binned so that a trace with thousands
 * of pivots draws one mark per pixel row and lane at most. Positions are fractions of the text length.
 */

/** The text offset at a fraction of the strip's height. */
export function offsetAtFraction(fraction: number, length: number): number {
  return Math.max(0, Math.min(length, Math.round(fraction * length)))
}

/** One kind of mark on the strip; `colorOf` picks a colour per mark (spans: by label). */
export interface MinimapLane {
  kind: string
  label: string
  /** Horizontal extent as fractions of the strip's width. */
  x: readonly [number, number]
  ranges: readonly { start: number }[]
  colorOf: (index: number) => string
}

/** One drawn row of a lane: `rows` pixel rows tall strip, `y` the row, `color` of the first mark. */
export interface MinimapRow {
  y: number
  color: string
  offset: number
  count: number
}

/**
 * The strip as pixel rows, in one pass over each lane's marks: per lane the rows it marks (the
 * first mark of a row gives its colour and jump offset), and per row the lane drawn on top
 * (the last lane that marks it), which a click or hover reports.
 */
export function rasteriseMinimap(lanes: readonly MinimapLane[], length: number, rows: number) {
  const drawn: MinimapRow[][] = []
  const topLane = new Int16Array(Math.max(0, rows)).fill(-1)
  const topRow: (MinimapRow | undefined)[] = new Array<MinimapRow | undefined>(Math.max(0, rows))
  lanes.forEach((lane, laneIndex) => {
    const out: MinimapRow[] = []
    drawn.push(out)
    if (length <= 0 || rows <= 0) return
    const byRow = new Map<number, MinimapRow>()
    lane.ranges.forEach((r, i) => {
      const y = Math.min(rows - 1, Math.floor((r.start / length) * rows))
      const row = byRow.get(y)
      if (row) {
        row.count += 1
        if (r.start < row.offset) row.offset = r.start
        return
      }
      const made = { y, color: lane.colorOf(i), offset: r.start, count: 1 }
      byRow.set(y, made)
      out.push(made)
      topLane[y] = laneIndex
      topRow[y] = made
    })
  })
  /** The lane and row on top at pixel row `y`, looking one row either side (a 3 px target). */
  const hit = (y: number): { lane: MinimapLane; row: MinimapRow } | null => {
    for (const at of [y, y - 1, y + 1]) {
      const laneIndex = at >= 0 && at < rows ? topLane[at]! : -1
      if (laneIndex >= 0) return { lane: lanes[laneIndex]!, row: topRow[at]! }
    }
    return null
  }
  return { drawn, hit }
}
