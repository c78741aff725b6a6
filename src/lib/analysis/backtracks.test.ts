import { describe, expect, it } from 'vitest'
import { BACKTRACK_MARKERS } from './backtracks'
import { PIVOT_LEXICON } from './lexicon-presets'
import { compileLexicon } from './match-pivots'
import { findBacktracks } from './one-pass'

const compiled = compileLexicon(PIVOT_LEXICON)

function backtracksOf(text: string, withPivots = true) {
  return findBacktracks(text, withPivots ? compiled : undefined).map((b) => ({
    span: text.slice(b.start, b.end),
    marker: b.marker,
    abandoned: b.abandoned === null ? null : text.slice(b.abandoned.start, b.abandoned.end),
  }))
}

describe('findBacktracks', () => {
  it('runs from the marker to the next pivot; the previous step is abandoned', () => {
    const text = 'So x = 5.\n\nWait, that gives 7 here. Let me check: x = 4.\n\nSo x = 4.'
    expect(backtracksOf(text)).toEqual([
      { span: 'Wait, that gives 7 here.', marker: 'wait', abandoned: 'So x = 5.' },
    ])
  })

  it('runs to the end of the step when no pivot follows in it', () => {
    const text = 'Try n = 3.\n\nThat’s not right: n must be even.\n\nSo n = 4, hence done.'
    expect(backtracksOf(text)).toEqual([
      {
        span: 'That’s not right: n must be even.',
        marker: "that's not right",
        abandoned: 'Try n = 3.',
      },
    ])
  })

  it('prefers "but wait" to "wait" and has no abandoned branch in the first step', () => {
    expect(backtracksOf('But wait, the sum is odd.')).toEqual([
      { span: 'But wait, the sum is odd.', marker: 'but wait', abandoned: null },
    ])
  })

  it('starts a new backtrack at a marker that is also the next pivot', () => {
    const text = 'First idea.\n\nWait, no. Actually the sign flips.'
    expect(backtracksOf(text).map((b) => b.span)).toEqual(['Wait, no.', 'Actually the sign flips.'])
  })

  it('folds a marker inside the previous backtrack into it', () => {
    const text = 'Wait, that is not it, start over from the top.'
    expect(backtracksOf(text, false)).toEqual([{ span: text, marker: 'wait', abandoned: null }])
  })

  it('matches markers at word boundaries only, across CJK and CRLF', () => {
    expect(backtracksOf('We await the result; the waiter waits.')).toEqual([])
    const text = '计算完毕。\r\n\r\n我们Wait一下\r\n再算'
    expect(backtracksOf(text)).toEqual([
      { span: 'Wait一下\r\n再算', marker: 'wait', abandoned: '计算完毕。' },
    ])
  })

  it('finds nothing in an empty text', () => {
    expect(findBacktracks('')).toEqual([])
  })

  it('lists the markers of DESIGN section 4', () => {
    expect(BACKTRACK_MARKERS).toHaveLength(12)
    expect(BACKTRACK_MARKERS).toContain('but wait')
    expect(BACKTRACK_MARKERS).toContain('start over')
  })
})
