import { describe, expect, it } from 'vitest'
import type { Annotation } from '../traces/trace-model'
import { ExportError, makeSpanChecker } from './span-check'

const texts = { problem: '', reasoning: 'a😀b 中文 Wait', answer: '' }

function annotation(start: number, end: number, quote: string): Annotation {
  return {
    id: 's1',
    traceId: 't1',
    field: 'reasoning',
    start,
    end,
    quote,
    label: 'PIVOT',
    note: '',
    annotator: 'a',
    origin: 'manual',
    rejected: false,
    createdAt: 0,
    updatedAt: 0,
  }
}

describe('makeSpanChecker', () => {
  const check = makeSpanChecker('k7', texts)

  it('adds code-point offsets to a matching span', () => {
    expect(check(annotation(8, 12, 'Wait'))).toEqual({ start: 8, end: 12, startCp: 7, endCp: 11 })
    expect(check(annotation(1, 3, '😀'))).toEqual({ start: 1, end: 3, startCp: 1, endCp: 2 })
    expect(check(annotation(0, 0, ''))).toEqual({ start: 0, end: 0, startCp: 0, endCp: 0 })
  })

  it('throws an ExportError naming trace and span for an orphan', () => {
    const run = () => check(annotation(8, 12, 'Hmm,'))
    expect(run).toThrow(ExportError)
    expect(run).toThrow(
      'trace "k7", span "s1": orphaned span in reasoning: text at 8..12 is "Wait", not the quote "Hmm,"',
    )
  })

  it('throws for a span that splits a surrogate pair although its quote matches', () => {
    expect(() => check(annotation(2, 4, '\uDE00b'))).toThrow(
      /span "s1".*offset 2 falls inside a surrogate pair/,
    )
  })
})
