import { describe, expect, it } from 'vitest'
import {
  comparePath,
  datasetComparePath,
  parseCompareQuery,
  parseDatasetCompareQuery,
} from './compare-link'

describe('compare links', () => {
  it('round-trips ids and a problem', () => {
    const path = comparePath({ ids: ['a', 'b'], problem: 'p:12' })
    expect(path).toBe('/compare?problem=p%3A12&ids=a%2Cb')
    expect(parseCompareQuery(path.split('?')[1]!)).toEqual({ ids: ['a', 'b'], problem: 'p:12' })
  })

  it('reads empty, doubled and missing parts', () => {
    expect(comparePath({})).toBe('/compare')
    expect(parseCompareQuery('ids=a,,b,a')).toEqual({ ids: ['a', 'b'], problem: null })
    expect(parseCompareQuery('')).toEqual({ ids: [], problem: null })
  })

  it('links datasets with a metric', () => {
    const path = datasetComparePath(['d1', 'd2'], 'words')
    expect(path).toBe('/compare/datasets?ids=d1%2Cd2&metric=words')
    expect(parseDatasetCompareQuery(path.split('?')[1]!)).toEqual({
      datasetIds: ['d1', 'd2'],
      metric: 'words',
    })
  })
})
