import { describe, expect, it } from 'vitest'
import { PIVOT_LEXICON } from '../analysis/lexicon-presets'
import { compileLexicon } from '../analysis/match-pivots'
import { computeMetrics } from '../analysis/metrics'
import { makeMetrics, makeTrace } from '../../testing/make-rows'
import { groupTraces } from './trace-groups'
import { distributionRows, positionRows, summaryRows, topPhraseRows } from './style-stats'

const names = new Map([
  ['a', 'Set A'],
  ['b', 'Set B'],
])
const compiled = compileLexicon(PIVOT_LEXICON)
const trace = (datasetId: string, n: number, reasoning: string, correct: boolean | null) =>
  makeTrace(datasetId, n, { correct, metrics: computeMetrics(reasoning, '', compiled) })

// Set A: two traces, dense in pivots; Set B: one plain trace.
const traces = [
  trace('a', 1, 'Wait, wait. Hmm, let me check this. Maybe x. Therefore y.', true),
  trace('a', 2, 'Wait. The value is 4 and then 5.', false),
  trace('b', 1, 'The value is 4. So x is 5.', true),
]
const groups = groupTraces(traces, names)

describe('groupTraces', () => {
  it('makes an all group per dataset and one per correctness present, in order', () => {
    expect(groups.map((g) => `${g.dataset}/${g.split}/${g.traces.length}`)).toEqual([
      'Set A/all/2',
      'Set A/correct/1',
      'Set A/incorrect/1',
      'Set B/all/1',
      'Set B/correct/1',
    ])
  })
})

describe('style statistics', () => {
  it('summarises density and the share of traces with at least 3 pivot types', () => {
    const [aAll, aCorrect, , bAll] = summaryRows(groups)
    // trace a1: 11 words, pivots wait wait hmm "let me check" maybe therefore = 6, 4 types
    // trace a2: 8 words, 1 pivot, 1 type
    expect(aCorrect).toMatchObject({ traces: 1, shareAtLeast3Types: 1 })
    expect(aCorrect?.meanPivotsPer1k).toBeCloseTo((6 / 11) * 1000)
    expect(aAll?.meanPivotsPer1k).toBeCloseTo(((6 / 11) * 1000 + 125) / 2)
    expect(aAll?.medianPivotsPer1k).toBeCloseTo(((6 / 11) * 1000 + 125) / 2)
    expect(aAll?.shareAtLeast3Types).toBe(0.5)
    expect(bAll).toMatchObject({ traces: 1, meanPivotsPer1k: 0, shareAtLeast3Types: 0 })
  })

  it('bins a metric on shared bins, with shares per group', () => {
    const rows = distributionRows(groups, 'pivotTotal')
    const bAll = rows.filter((r) => r.dataset === 'Set B' && r.split === 'all')
    const aAll = rows.filter((r) => r.dataset === 'Set A' && r.split === 'all')
    expect(bAll.map((r) => [r.x0, r.x1])).toEqual(aAll.map((r) => [r.x0, r.x1]))
    expect(aAll.reduce((n, r) => n + r.count, 0)).toBe(2)
    expect(aAll.find((r) => r.x0 <= 6 && 6 < r.x1)?.share).toBe(0.5)
    expect(bAll.find((r) => r.x0 <= 0 && 0 < r.x1)?.share).toBe(1)
  })

  it('lists the top phrases per category with counts per group', () => {
    const rows = topPhraseRows(groups, PIVOT_LEXICON, 1)
    const all = rows.filter((r) => r.split === 'all' && r.dataset === 'Set A')
    expect(all.map((r) => [r.category, r.phrase, r.count])).toEqual([
      ['Realization', 'wait', 3],
      ['Verification', 'let me check', 1],
      ['Exploration', 'maybe', 1],
      ['Integration', 'therefore', 1],
    ])
    expect(all[0]?.per1kWords).toBeCloseTo((3 / 19) * 1000)
  })

  it('gives the share of pivots per tenth of the trace', () => {
    const rows = positionRows(groups).filter(
      (r) => r.dataset === 'Set A' && r.split === 'incorrect',
    )
    // the one pivot of a2 ("Wait") starts at offset 0
    expect(rows.map((r) => r.share)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    const empty = positionRows(groupTraces([makeTrace('b', 9, { metrics: makeMetrics() })], names))
    expect(empty.every((r) => r.share === 0)).toBe(true)
  })
})
