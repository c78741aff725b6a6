import { describe, expect, it } from 'vitest'
import { extend, moveTo, nextUnit, selectionRange, startingAt, unitAt } from './cursor-moves'

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
