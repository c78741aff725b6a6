import { describe, expect, it } from 'vitest'
import { PIVOT_LEXICON } from '../analysis/lexicon-presets'
import { pivotTimeline } from './pivot-timeline'

describe('pivotTimeline', () => {
  it('bins pivots per category along the relative position', () => {
    const realization = PIVOT_LEXICON.categories.find((c) => c.id === 'realization')!
    const ticks = pivotTimeline(
      [
        { start: 0, categoryId: 'realization' },
        { start: 3, categoryId: 'realization' },
        { start: 3, categoryId: 'verification' },
        { start: 990, categoryId: 'realization' },
      ],
      1000,
      PIVOT_LEXICON,
      10,
    )
    expect(ticks).toHaveLength(3)
    expect(ticks[0]).toMatchObject({ position: 0, offset: 0, count: 2, color: realization.color })
    expect(ticks.at(-1)).toMatchObject({ position: 0.9, offset: 990, count: 1 })
  })

  it('draws nothing for an empty text', () => {
    expect(pivotTimeline([{ start: 0, categoryId: 'x' }], 0, PIVOT_LEXICON)).toEqual([])
  })
})
