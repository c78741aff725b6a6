import { describe, expect, it } from 'vitest'
import {
  extend,
  moveTo,
  nextUnit,
  selectionRange,
  spansUnder,
  startingAt,
  unitAt,
} from './cursor-moves'

const units = [
  { start: 0, end: 10 },
  { start: 10, end: 25 },
  { start: 27, end: 40 },
]

describe('cursor moves', () => {
  it('finds the units starting at an offset, none when no unit starts there', () => {
    const spans = [
      { start: 0, end: 4 },
      { start: 5, end: 7 },
      { start: 5, end: 9 },
      { start: 8, end: 9 },
    ]
    expect(startingAt(spans, 5)).toEqual([spans[1], spans[2]])
    expect(startingAt(spans, 0)).toEqual([spans[0]])
    expect(startingAt(spans, 8)).toEqual([spans[3]])
    expect(startingAt(spans, 6)).toEqual([])
    expect(startingAt(spans, 10)).toEqual([])
    expect(startingAt([], 0)).toEqual([])
  })

  it('goes to the next and previous unit, from a unit or from a place inside one', () => {
    expect(nextUnit(units, null, 1)).toBe(units[0])
    expect(nextUnit(units, null, -1)).toBe(units[2])
    expect(nextUnit(units, units[0]!, 1)).toBe(units[1])
    expect(nextUnit(units, units[1]!, -1)).toBe(units[0])
    expect(nextUnit(units, { start: 12, end: 16 }, 1)).toBe(units[2])
    expect(nextUnit(units, { start: 12, end: 16 }, -1)).toBe(units[1])
    expect(nextUnit(units, units[2]!, 1)).toBeNull()
    expect(nextUnit(units, units[0]!, -1)).toBeNull()
  })

  it('finds the unit holding an offset, none in a gap', () => {
    expect(unitAt(units, 0)).toBe(units[0])
    expect(unitAt(units, 24)).toBe(units[1])
    expect(unitAt(units, 26)).toBeNull()
  })

  it('extends a selection by units either way from its anchor', () => {
    let s = extend(units, moveTo(units[1]!), 1)!
    expect(selectionRange(s)).toEqual({ start: 10, end: 40 })
    s = extend(units, s, -1)!
    expect(selectionRange(s)).toEqual({ start: 10, end: 25 })
    s = extend(units, s, -1)!
    expect(selectionRange(s)).toEqual({ start: 0, end: 25 })
    expect(extend(units, moveTo(units[2]!), 1)).toBeNull()
  })

  it('extends from a pivot to its whole sentence first', () => {
    const s = extend(units, moveTo({ start: 12, end: 16 }), 1)!
    expect(selectionRange(s)).toEqual({ start: 10, end: 25 })
  })
})

describe('spansUnder', () => {
  // In reading order (by start), fields mixed, one long span from the start.
  const spans = [
    { id: 'long', field: 'reasoning', start: 0, end: 100 },
    { id: 'p', field: 'problem', start: 5, end: 30 },
    { id: 'a', field: 'reasoning', start: 10, end: 20 },
    { id: 'r', field: 'reasoning', start: 12, end: 18, rejected: true },
    { id: 'b', field: 'reasoning', start: 20, end: 30 },
    { id: 'c', field: 'reasoning', start: 40, end: 50 },
  ]
  const ids = (start: number, end: number) =>
    spansUnder(spans, 'reasoning', start, end).map((s) => s.id)

  it('finds the spans of the field over a range or a point, as a scan of every span would', () => {
    expect(ids(15, 25)).toEqual(['long', 'a', 'b'])
    expect(ids(20, 20)).toEqual(['long', 'b'])
    expect(ids(30, 40)).toEqual(['long'])
    expect(ids(45, 46)).toEqual(['long', 'c'])
    expect(ids(-1, -1)).toEqual([])
    for (let start = 0; start < 60; start += 3) {
      for (const end of [start, start + 4, start + 15]) {
        const scan = spans.filter(
          (s) =>
            !s.rejected &&
            s.field === 'reasoning' &&
            s.start < Math.max(end, start + 1) &&
            s.end > start,
        )
        expect(ids(start, end)).toEqual(scan.map((s) => s.id))
      }
    }
  })
})
