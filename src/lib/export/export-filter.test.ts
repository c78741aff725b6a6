import { describe, expect, it } from 'vitest'
import { nth, sampleBundle } from '../../testing/trace-bundles'
import { describeFilter, filterBundle, isEmptyFilter, NO_FILTER } from './export-filter'

describe('export filter', () => {
  it('writes everything when empty', () => {
    const bundle = sampleBundle()
    expect(isEmptyFilter(NO_FILTER)).toBe(true)
    expect(filterBundle(bundle, NO_FILTER)).toBe(bundle)
  })

  it('keeps a trace by status and by any of the tags', () => {
    const bundle = sampleBundle() // in-progress, tagged "terse"
    expect(filterBundle(bundle, { ...NO_FILTER, statuses: ['done'] })).toBeNull()
    expect(filterBundle(bundle, { ...NO_FILTER, statuses: ['done', 'in-progress'] })).toBe(bundle)
    expect(filterBundle(bundle, { ...NO_FILTER, tags: ['long'] })).toBeNull()
    expect(filterBundle(bundle, { ...NO_FILTER, tags: ['long', 'terse'] })).toBe(bundle)
  })

  it('writes only the spans of the labels and annotators, and relations between them', () => {
    const bundle = sampleBundle() // s1 PIVOT, s2 CHECK, relation s1 -> s2
    const pivots = filterBundle(bundle, { ...NO_FILTER, labels: ['PIVOT'] })
    expect(pivots?.annotations.map((a) => a.id)).toEqual(['s1'])
    expect(pivots?.relations).toEqual([])
    const both = filterBundle(bundle, { ...NO_FILTER, labels: ['PIVOT', 'CHECK'] })
    expect(both?.relations.map((r) => r.id)).toEqual(['r1'])
    Object.assign(nth(bundle.annotations, 1), { annotator: 'bo' })
    const bo = filterBundle(bundle, { ...NO_FILTER, annotators: ['bo'] })
    expect(bo?.annotations.map((a) => a.id)).toEqual(['s2'])
  })

  it('leaves out a trace without any span the filter keeps', () => {
    expect(filterBundle(sampleBundle(), { ...NO_FILTER, annotators: ['nobody'] })).toBeNull()
  })

  it('says what it keeps', () => {
    expect(
      describeFilter({ statuses: ['done'], tags: ['a', 'b'], labels: ['PIVOT'], annotators: [] }),
    ).toBe('status done; tagged a or b; spans labelled PIVOT')
    expect(describeFilter(NO_FILTER)).toBe('')
  })
})
