import { describe, expect, it } from 'vitest'
import { makeMetrics, makeTrace } from '../../testing/make-rows'
import { pairedDifferences, problemsInCommon, slopePoints } from './paired-differences'

const trace = (datasetId: string, ordinal: number, problemHash: string, words: number) =>
  makeTrace(datasetId, ordinal, { problemHash, metrics: makeMetrics({ words }) })

describe('pairedDifferences', () => {
  const traces = [
    trace('ref', 1, 'p1', 100),
    trace('ref', 2, 'p2', 100),
    trace('ref', 3, 'only-ref', 5),
    trace('other', 1, 'p1', 150),
    trace('other', 2, 'p2', 1000),
    trace('other', 3, 'p2', 2000),
    trace('other', 4, 'only-other', 7),
    trace('unrelated', 1, 'p1', 1),
  ]

  it('pairs by problem against the reference, sorted by the largest difference', () => {
    const rows = pairedDifferences(['ref', 'other'], traces, 'words')
    expect(rows.map((r) => r.problemHash)).toEqual(['p2', 'p1'])
    expect(rows[0]!.values).toEqual([100, 1500])
    expect(rows[0]!.differences).toEqual([0, 1400])
    expect(rows[0]!.traceIds[1]).toHaveLength(2)
    expect(rows[1]!.largest).toBe(50)
  })

  it('gives the long rows of a slope chart', () => {
    const rows = pairedDifferences(['ref', 'other'], traces, 'words')
    expect(slopePoints(rows, ['R', 'O'])).toHaveLength(4)
  })

  it('keeps a problem a third dataset lacks', () => {
    const rows = pairedDifferences(['ref', 'other', 'none'], traces, 'words')
    expect(rows[0]!.values[2]).toBeNull()
    expect(rows[0]!.differences[2]).toBeNull()
  })

  it('counts the problems of the reference another dataset also answers', () => {
    expect(problemsInCommon(['ref', 'other'], traces)).toBe(2)
    expect(problemsInCommon(['ref', 'unrelated'], traces)).toBe(1)
    expect(problemsInCommon(['other', 'none'], traces)).toBe(0)
  })
})
