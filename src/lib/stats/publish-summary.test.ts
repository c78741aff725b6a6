import { describe, expect, it } from 'vitest'
import { makeMetrics, makeTrace } from '../../testing/make-rows'
import type { Trace } from '../traces/trace-model'
import { latexEscape } from './latex'
import { pairByProblem } from './paired'
import { publishRows } from './publish-summary'
import { summaryCsv, summaryLatex } from './summary-export'
import { groupTraces } from './trace-groups'

const CATEGORIES = [
  { id: 'realization', name: 'Realization' },
  { id: 'verification', name: 'Verification' },
]

function trace(
  i: number,
  words: number,
  realization: number,
  verification: number,
  more: Partial<Trace> = {},
): Trace {
  const total = realization + verification
  return {
    ...makeTrace('ds', i),
    metrics: {
      ...makeMetrics(),
      words,
      pivots: { realization, verification },
      pivotTotal: total,
      pivotsPer1k: words === 0 ? 0 : (total / words) * 1000,
      pivotCategories: (realization > 0 ? 1 : 0) + (verification > 0 ? 1 : 0),
    },
    ...more,
  }
}

describe('publishRows', () => {
  const traces = [
    trace(1, 1000, 5, 5, { correct: true }),
    trace(2, 100, 2, 0, { correct: false, truncated: true }),
    trace(3, 500, 0, 1, { correct: true }),
    trace(4, 2000, 10, 0, { correct: false, truncated: true, tags: ['loop'] }),
  ]
  const groups = groupTraces(traces, new Map([['ds', 'Set']]), 'truncated')

  it('gives pooled, mean and median densities with intervals, per category too', () => {
    const [all] = publishRows(groups, CATEGORIES)
    expect(all).toMatchObject({ dataset: 'Set', split: 'all', n: 4 })
    // pooled: 23 pivots / 3,600 words
    expect(all!.density.pooled.value).toBeCloseTo((23 / 3600) * 1000)
    // per trace: 10, 20, 2, 5
    expect(all!.density.mean.value).toBeCloseTo(37 / 4)
    expect(all!.density.median.value).toBeCloseTo(7.5)
    for (const e of [all!.density.pooled, all!.density.mean, all!.density.median]) {
      expect(e.interval!.lo).toBeLessThanOrEqual(e.value!)
      expect(e.interval!.hi).toBeGreaterThanOrEqual(e.value!)
    }
    expect(all!.categories[0]!.density.pooled.value).toBeCloseTo((17 / 3600) * 1000)
    expect(all!.categories[1]!.density.mean.value).toBeCloseTo((5 + 0 + 2 + 0) / 4)
    expect(all!.truncatedShare).toBe(0.5)
    expect(all!.shareAtLeast3Types.value).toBe(0)
  })

  it('splits by finished and truncated, and by tag and model', () => {
    expect(groups.map((g) => `${g.split}:${g.traces.length}`)).toEqual([
      'all:4',
      'finished:2',
      'truncated:2',
    ])
    const byTag = groupTraces(traces, new Map([['ds', 'Set']]), 'tag')
    expect(byTag.map((g) => `${g.split}:${g.traces.length}`)).toEqual([
      'all:4',
      '(no tag):3',
      'loop:1',
    ])
    const byModel = groupTraces(traces, new Map([['ds', 'Set']]), 'model')
    expect(byModel.map((g) => g.split)).toEqual(['all', traces[0]!.model || '(no model)'])
  })

  it('writes CSV with intervals and a booktabs LaTeX table', () => {
    const rows = publishRows(groups, CATEGORIES)
    const csv = summaryCsv(rows, 'finished_or_truncated').split('\r\n')
    expect(csv[0]).toMatch(
      /^dataset,finished_or_truncated,n,pooled_pivots_per_1k,pooled_pivots_per_1k_ci_lo,pooled_pivots_per_1k_ci_hi,mean_pivots_per_1k,/,
    )
    expect(csv[0]).toContain('realization_pooled_per_1k_ci_hi')
    expect(csv).toHaveLength(rows.length + 2)
    const tex = summaryLatex(rows, 'finished or truncated')
    expect(tex).toMatch(/\\toprule[^]*\\midrule[^]*\\bottomrule/)
    expect(tex).toContain('Set & truncated & 2 & ')
    expect(latexEscape('a_b & 50% #1')).toBe('a\\_b \\& 50\\% \\#1')
  })
})

describe('pairByProblem', () => {
  it('pairs traces by problem and gives the mean difference with a paired interval', () => {
    const a = [1, 2, 3, 4].map((i) => trace(i, 1000, i, 0, { problemHash: `p${i}` }))
    const b = [1, 2, 3, 5].map((i) =>
      trace(i + 10, 1000, i + 2, 0, { datasetId: 'other', problemHash: `p${i}` }),
    )
    const s = pairByProblem(a, b)
    expect(s.problems.map((p) => p.problemHash)).toEqual(['p1', 'p2', 'p3'])
    expect(s.meanDifference).toBeCloseTo(2)
    // every paired difference is 2, so the interval is exactly [2, 2]
    expect(s.interval).toEqual({ lo: 2, hi: 2 })
    expect(s.higher).toBe(3)
  })
})
