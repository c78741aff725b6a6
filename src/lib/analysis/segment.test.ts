import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Segment } from './segment'
import { countSentences, segmentSentences, segmentSteps } from './one-pass'

const slices = (text: string, segments: Segment[]) =>
  segments.map((s) => text.slice(s.start, s.end))

describe('segmentSteps', () => {
  it('splits paragraphs at blank lines and trims them', () => {
    const text = '  First line\nsame step.\n\n\nSecond.  \n \t \nThird'
    expect(slices(text, segmentSteps(text))).toEqual(['First line\nsame step.', 'Second.', 'Third'])
    expect(segmentSteps(text)[0]).toEqual({ start: 2, end: 23 })
  })

  it('handles CRLF, empty and blank texts', () => {
    expect(slices('a\r\n\r\nb\r\n', segmentSteps('a\r\n\r\nb\r\n'))).toEqual(['a', 'b'])
    expect(segmentSteps('')).toEqual([])
    expect(segmentSteps(' \n\n \r\n')).toEqual([])
  })

  it('counts UTF-16 offsets past emoji', () => {
    expect(segmentSteps('😀\n\nok')).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 6 },
    ])
  })
})

describe('segmentSentences', () => {
  it('splits after . ? ! followed by white space, with closing quotes', () => {
    const text = 'The value is 3.14 here. Is it right? He said "yes, it is." Then we go on!'
    expect(slices(text, segmentSentences(text))).toEqual([
      'The value is 3.14 here.',
      'Is it right?',
      'He said "yes, it is."',
      'Then we go on!',
    ])
  })

  it('merges pieces under 10 characters into the next, the last into the previous', () => {
    const text = 'Hmm. Oh. Let me compute this again. So x = 5. Then y is six. Done.'
    expect(slices(text, segmentSentences(text))).toEqual([
      'Hmm. Oh. Let me compute this again.',
      'So x = 5. Then y is six. Done.',
    ])
  })

  it('never merges across a blank line', () => {
    const text = 'Okay.\n\nWait.\n\nThat is a full sentence. Yes.'
    expect(slices(text, segmentSentences(text))).toEqual([
      'Okay.',
      'Wait.',
      'That is a full sentence. Yes.',
    ])
  })

  it('keeps a single newline inside a sentence and handles CRLF and CJK', () => {
    const text =
      'First part of it\r\nand the rest. 我们继续吧。Then more text!\r\n\r\nNext step here.'
    expect(slices(text, segmentSentences(text))).toEqual([
      'First part of it\r\nand the rest.',
      '我们继续吧。Then more text!',
      'Next step here.',
    ])
  })

  it('returns nothing for an empty text', () => {
    expect(segmentSentences('')).toEqual([])
  })

  it('tiles every step: sentences are ordered, trimmed, inside steps and cover their text', () => {
    const piece = fc.constantFrom(
      'word',
      'Hmm.',
      ' ',
      '\n',
      '\n\n',
      '. ',
      '! ',
      '?',
      '😀',
      '中文',
      '\r\n',
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('')
        const steps = segmentSteps(text)
        const sentences = segmentSentences(text)
        let previousEnd = 0
        for (const s of sentences) {
          expect(s.start).toBeGreaterThanOrEqual(previousEnd)
          expect(s.end).toBeGreaterThan(s.start)
          expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim())
          expect(steps.some((step) => step.start <= s.start && s.end <= step.end)).toBe(true)
          previousEnd = s.end
        }
        const nonSpace = (ranges: Segment[]) =>
          ranges.map((r) => text.slice(r.start, r.end).replace(/\s/g, '')).join('')
        expect(nonSpace(sentences)).toBe(text.replace(/\s/g, ''))
        expect(nonSpace(steps)).toBe(text.replace(/\s/g, ''))
      }),
      { numRuns: 300 },
    )
  })
})

describe('countSentences', () => {
  it('counts what segmentSentences returns, on random texts', () => {
    const piece = fc.constantFrom(
      ...['Wait', 'x', 'a longer sentence', '12', '.', '?!', '...', '"', ')', '”'],
      ...[' ', '\n', '\n\n', '\n \n', '\t', '\u00a0', '中文', '😀'],
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('')
        expect(countSentences(text)).toBe(segmentSentences(text).length)
      }),
      { numRuns: 1000 },
    )
  })
})
