import { describe, expect, it } from 'vitest'
import { makeMetrics, makeTrace } from '../../testing/make-rows'
import { EMPTY_FILTER, isFilterActive, matchesFilter, type TraceFilter } from './trace-filter'

const filter = (over: Partial<TraceFilter>): TraceFilter => ({ ...EMPTY_FILTER, ...over })

describe('matchesFilter', () => {
  const t = makeTrace('d1', 1, {
    status: 'done',
    tags: ['synthetic', 'correct'],
    correct: true,
    metrics: makeMetrics({ words: 500, pivotTotal: 12 }),
  })

  it('passes everything with the empty filter, which is inactive', () => {
    expect(matchesFilter(t, EMPTY_FILTER)).toBe(true)
    expect(isFilterActive(EMPTY_FILTER)).toBe(false)
  })

  it('filters by dataset, status, correctness and tags', () => {
    expect(matchesFilter(t, filter({ datasetIds: ['d2'] }))).toBe(false)
    expect(matchesFilter(t, filter({ datasetIds: ['d2', 'd1'] }))).toBe(true)
    expect(matchesFilter(t, filter({ statuses: ['todo'] }))).toBe(false)
    expect(matchesFilter(t, filter({ correctness: ['unknown', 'correct'] }))).toBe(true)
    expect(matchesFilter(t, filter({ correctness: ['incorrect'] }))).toBe(false)
    expect(matchesFilter(t, filter({ tags: ['synthetic'] }))).toBe(true)
    expect(matchesFilter(t, filter({ tags: ['synthetic', 'emergent'] }))).toBe(false)
  })

  it('filters by metric ranges, bounds included', () => {
    expect(matchesFilter(t, filter({ ranges: { words: { min: 500, max: 500 } } }))).toBe(true)
    expect(matchesFilter(t, filter({ ranges: { pivotTotal: { min: 13 } } }))).toBe(false)
    expect(matchesFilter(t, filter({ ranges: { pivotTotal: { max: 11 } } }))).toBe(false)
  })

  it('keeps only search hits while a search is active', () => {
    const f = filter({ searchHits: new Set([t.id]) })
    expect(isFilterActive(f)).toBe(true)
    expect(matchesFilter(t, f)).toBe(true)
    expect(matchesFilter(t, filter({ searchHits: new Set() }))).toBe(false)
  })
})
