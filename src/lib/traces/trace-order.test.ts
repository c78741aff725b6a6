import { describe, expect, it } from 'vitest'
import { makeMetrics, makeTrace } from '../../testing/make-rows'
import { EMPTY_FILTER } from './trace-filter'
import fc from 'fast-check'
import {
  IdOrder,
  NO_ID_ORDER,
  filterOrder,
  naturalKey,
  sortOrder,
  stableNumericOrder,
  type TraceListRow,
} from './trace-order'

function row(ordinal: number, over: Partial<TraceListRow> = {}): TraceListRow {
  return { ...makeTrace('d', ordinal), annotationCount: 0, datasetName: 'set', ...over }
}

const ids = (rows: TraceListRow[], order: Uint32Array) => [...order].map((i) => rows[i]!.key)

describe('sortOrder', () => {
  const rows = [
    row(1, { key: 'item-10', metrics: makeMetrics({ chars: 30, pivots: { realization: 2 } }) }),
    row(2, { key: 'item-9', metrics: makeMetrics({ chars: 10, pivots: { realization: 5 } }) }),
    row(3, { key: 'Item-100', metrics: makeMetrics({ chars: 20 }) }),
    row(4, { key: 'item-1', metrics: makeMetrics({ chars: 20, firstPivotAt: 0.5 }) }),
  ]

  it('keeps source order without a sort', () => {
    expect(ids(rows, sortOrder(rows, null))).toEqual(['item-10', 'item-9', 'Item-100', 'item-1'])
  })

  it('sorts numbers both ways, ties in source order', () => {
    expect(ids(rows, sortOrder(rows, { id: 'chars', desc: false }))).toEqual([
      'item-9',
      'Item-100',
      'item-1',
      'item-10',
    ])
    expect(ids(rows, sortOrder(rows, { id: 'chars', desc: true }))).toEqual([
      'item-10',
      'Item-100',
      'item-1',
      'item-9',
    ])
  })

  it('sorts keys naturally and case-insensitively', () => {
    expect(ids(rows, sortOrder(rows, { id: 'key', desc: false }))).toEqual([
      'item-1',
      'item-9',
      'item-10',
      'Item-100',
    ])
  })

  it('sorts one pivot category, a missing count being 0', () => {
    expect(ids(rows, sortOrder(rows, { id: 'pivot:realization', desc: true }))).toEqual([
      'item-9',
      'item-10',
      'Item-100',
      'item-1',
    ])
  })

  it('puts traces without a pivot last when sorting by first pivot', () => {
    const order = sortOrder(rows, { id: 'firstPivotAt', desc: false })
    expect(ids(rows, order)[0]).toBe('item-1')
  })

  it('sorts a large input into a non-increasing sequence', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      row(i, { metrics: makeMetrics({ pivotsPer1k: (i * 7919) % 1000 }) }),
    )
    const values = [...sortOrder(many, { id: 'pivotsPer1k', desc: true })].map(
      (i) => many[i]!.metrics.pivotsPer1k,
    )
    expect(values.every((v, i) => i === 0 || values[i - 1]! >= v)).toBe(true)
    expect(values[0]).toBe(999)
  })
})

describe('sortOrder cache (#14)', () => {
  it('gives, cached or flipped, what a fresh stable sort gives, in any order of clicks', () => {
    const spec = fc.record({
      id: fc.constantFrom('chars', 'key', 'firstPivotAt', 'pivot:realization'),
      desc: fc.boolean(),
    })
    const values = fc.array(
      fc.record({ chars: fc.integer({ min: 0, max: 4 }), key: fc.constantFrom('a', 'b', 'B') }),
      { maxLength: 40 },
    )
    fc.assert(
      fc.property(values, fc.array(spec, { maxLength: 8 }), (vals, clicks) => {
        const rows = vals.map((v, i) =>
          row(i, {
            key: v.key,
            metrics: makeMetrics({
              chars: v.chars,
              firstPivotAt: v.chars === 0 ? null : v.chars / 10,
              pivots: { realization: 4 - v.chars },
            }),
          }),
        )
        for (const sort of clicks) {
          // a copy of the list is a new dataset state: nothing cached for it
          const fresh = sortOrder([...rows], sort)
          expect([...sortOrder(rows, sort)]).toEqual([...fresh])
        }
      }),
    )
  })

  it('returns the cached order for a second sort on the same column', () => {
    const rows = Array.from({ length: 100 }, (_, i) =>
      row(i, { metrics: makeMetrics({ chars: i % 7 }) }),
    )
    const first = sortOrder(rows, { id: 'chars', desc: true })
    expect(sortOrder(rows, { id: 'chars', desc: true })).toBe(first)
  })
})

describe('stableNumericOrder', () => {
  it('equals a stable comparator sort, infinities and zeros included', () => {
    const value = fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(0, Infinity, -Infinity, 0.5),
    )
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), (values) => {
        const keys = Float64Array.from(values, (v) => v || 0)
        const expected = values
          .map((_, i) => i)
          .sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b))
        expect([...stableNumericOrder(keys)]).toEqual(expected)
      }),
    )
  })
})

describe('filterOrder', () => {
  it('keeps the sorted order of the rows that pass', () => {
    const rows = [
      row(1, { status: 'done' }),
      row(2, { status: 'todo' }),
      row(3, { status: 'done' }),
    ]
    const order = Uint32Array.from([2, 1, 0])
    expect([...filterOrder(rows, order, { ...EMPTY_FILTER, statuses: ['done'] })]).toEqual([2, 0])
    expect([...filterOrder(rows, order, EMPTY_FILTER)]).toEqual([2, 1, 0])
  })
})

describe('naturalKey', () => {
  it('pads digit runs', () => {
    expect(naturalKey('a2') < naturalKey('a10')).toBe(true)
  })
})

describe('IdOrder', () => {
  const rows = ['a', 'b', 'c', 'd'].map((id) => ({ id }))
  const order = new IdOrder(rows, Uint32Array.from([2, 0, 3]))

  it('resolves positions, ids and the whole list from the row indexes', () => {
    expect(order.size).toBe(3)
    expect([0, 1, 2].map((i) => order.idAt(i))).toEqual(['c', 'a', 'd'])
    expect(order.idAt(-1)).toBeNull()
    expect(order.idAt(3)).toBeNull()
    expect(order.indexOf('d')).toBe(2)
    expect(order.indexOf('b')).toBe(-1)
    expect(order.ids()).toEqual(['c', 'a', 'd'])
    expect(order.ids()).toBe(order.ids())
    expect(NO_ID_ORDER.size).toBe(0)
  })
})
