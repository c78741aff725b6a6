/**
 * The annotation cursor's moves over a text, as offsets: by unit (sentence, step) and to the
 * next or previous mark (pivot, backtrack, suggestion, span), and the selection a Shift move
 * extends. Units and marks are `[start, end)` ranges sorted by start.
 */
export interface TextSpan {
  start: number
  end: number
}

/** A selection grown from `anchor` (where it started) to `head` (the unit last moved to). */
export interface CursorSelection {
  anchor: TextSpan
  head: TextSpan
}

/** The range a selection covers. */
export function selectionRange(s: CursorSelection): TextSpan {
  return { start: Math.min(s.anchor.start, s.head.start), end: Math.max(s.anchor.end, s.head.end) }
}

/**
 * The unit after (dir 1) or before (dir -1) the place `from` starts at: the first unit that
 * starts later, or the last that starts earlier. With no place yet, the first or last unit.
 */
export function nextUnit<T extends TextSpan>(
  units: readonly T[],
  from: TextSpan | null,
  dir: 1 | -1,
): T | null {
  if (units.length === 0) return null
  if (!from) return (dir === 1 ? units[0] : units[units.length - 1]) ?? null
  // The first unit starting after from.start.
  let lo = 0
  let hi = units.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (units[mid]!.start > from.start) hi = mid
    else lo = mid + 1
  }
  if (dir === 1) return units[lo] ?? null
  // The last unit starting before from.start.
  let i = lo - 1
  while (i >= 0 && units[i]!.start >= from.start) i--
  return i >= 0 ? units[i]! : null
}

/** The unit holding `offset` (the last one starting at or before it, if it reaches it). */
export function unitAt<T extends TextSpan>(units: readonly T[], offset: number): T | null {
  let lo = 0
  let hi = units.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (units[mid]!.start > offset) hi = mid
    else lo = mid + 1
  }
  const unit = units[lo - 1]
  return unit && offset < unit.end ? unit : null
}

/** The index of the first unit (in order of start) that starts at or after `offset`. */
export function firstStartingFrom(units: readonly { start: number }[], offset: number): number {
  let lo = 0
  let hi = units.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (units[mid]!.start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The spans of `field` (not rejected suggestions) over [start, end) (a point when empty): of
 * those starting before its end, a prefix of `spans` in reading order, those that end after its
 * start. Near the top of a text that looks at a few spans, not thousands.
 */
export function spansUnder<T extends TextSpan & { field: string; rejected?: boolean }>(
  spans: readonly T[],
  field: string,
  start: number,
  end: number,
): T[] {
  if (start < 0) return []
  const before = firstStartingFrom(spans, Math.max(end, start + 1))
  const under: T[] = []
  for (let i = 0; i < before; i++) {
    const s = spans[i]!
    if (!s.rejected && s.field === field && s.end > start) under.push(s)
  }
  return under
}

/** The units (in order of start) that start at `start`: a binary search, then the run. */
export function startingAt<T extends TextSpan>(units: readonly T[], start: number): T[] {
  const out: T[] = []
  for (let i = firstStartingFrom(units, start); units[i]?.start === start; i++) out.push(units[i]!)
  return out
}

/** A plain move: the cursor becomes `unit`. */
export function moveTo(unit: TextSpan): CursorSelection {
  return { anchor: unit, head: unit }
}

/** A Shift move: the head goes one unit on, the anchor stays; null at the text's edge. */
export function extend(
  units: readonly TextSpan[],
  selection: CursorSelection | null,
  dir: 1 | -1,
): CursorSelection | null {
  if (!selection) {
    const first = nextUnit(units, null, dir)
    return first ? moveTo(first) : null
  }
  // Grow from the end the selection is heading to: the head's own unit when it is a
  // partial unit (a pivot), else the next one.
  const from = unitAt(units, selection.head.start)
  const head =
    from && (from.start !== selection.head.start || from.end !== selection.head.end)
      ? from
      : nextUnit(units, selection.head, dir)
  return head ? { anchor: selection.anchor, head } : null
}
