import { describe, expect, it } from 'vitest'
import { PIVOT_LEXICON } from '../analysis/lexicon-presets'
import { makeMetrics, makeTrace } from '../../testing/make-rows'
import { correctnessText, formatStripValue, metricsStrip } from './metrics-strip'

describe('metricsStrip', () => {
  it('reads the stored metrics, one value per pane, with the spread', () => {
    const a = makeTrace('d', 1, {
      correct: true,
      metrics: makeMetrics({ words: 100, pivots: { realization: 3 }, pivotsPer1k: 30 }),
    })
    const b = makeTrace('d', 2, {
      correct: null,
      metrics: makeMetrics({ words: 400, pivots: {}, pivotsPer1k: 2.5 }),
    })
    const { rows, correctness } = metricsStrip([a, b], PIVOT_LEXICON)
    const words = rows.find((r) => r.key === 'words')!
    expect(words.values).toEqual([100, 400])
    expect(words.spread).toBe(300)
    expect(rows.find((r) => r.key === 'pivots.realization')!.values).toEqual([3, 0])
    expect(rows.map((r) => r.key)).toContain('backtracks')
    expect(correctness.values.map(correctnessText)).toEqual(['correct', 'unknown'])
    expect(formatStripValue(2.5, 1)).toBe('2.5')
    expect(formatStripValue(12345, 0)).toBe('12,345')
    expect(formatStripValue(null, 0)).toBe('–')
  })

  it('has no spread for one pane', () => {
    const { rows } = metricsStrip([makeTrace('d', 1)], PIVOT_LEXICON)
    expect(rows[0]!.spread).toBeNull()
  })
})
