import { describe, expect, it } from 'vitest'
import type { FieldMap } from '../traces/trace-model'
import { normaliseRecord, ORIGINAL_PREFIX, RowError } from './normalise-record'

const MAP: FieldMap = {
  problem: 'question',
  reasoning: 'thinking',
  answer: 'content',
  gold: 'gt',
  id: 'item_id',
  model: 'model',
  correct: 'ok',
}

const rowError = (record: unknown, map: FieldMap = MAP) => {
  try {
    normaliseRecord(record, map, 3)
  } catch (error) {
    expect(error).toBeInstanceOf(RowError)
    return (error as RowError).message
  }
  throw new Error('expected a RowError')
}

describe('normaliseRecord', () => {
  it('takes every mapped field and keeps the rest, verbatim, in extra', () => {
    const nested = { tokens: [1, 2], meta: { seed: 0 } }
    const record = {
      item_id: 'arith-00-0',
      question: 'What is 2 + 3?',
      thinking: 'Add them.',
      content: 'Answer: 5',
      gt: 5,
      model: 'qwen3:8b',
      ok: true,
      done_reason: 'stop',
      nested,
      empty: null,
    }
    expect(normaliseRecord(record, MAP, 1)).toStrictEqual({
      key: 'arith-00-0',
      problem: 'What is 2 + 3?',
      reasoning: 'Add them.',
      answer: 'Answer: 5',
      gold: '5',
      model: 'qwen3:8b',
      correct: true,
      truncated: false,
      spans: [],
      relations: [],
      extra: { done_reason: 'stop', nested, empty: null },
    })
  })

  it('gives empty texts, the row number as key and an unknown correctness when unmapped', () => {
    expect(normaliseRecord({ thinking: 'r.', other: 1 }, { reasoning: 'thinking' }, 12)).toEqual({
      key: '12',
      problem: '',
      reasoning: 'r.',
      answer: '',
      gold: '',
      model: '',
      correct: null,
      truncated: false,
      spans: [],
      relations: [],
      extra: { other: 1 },
    })
  })

  it('falls back to the row number when the id is missing or empty, but keeps an id of 0', () => {
    expect(normaliseRecord({ thinking: 'r' }, MAP, 4).key).toBe('4')
    expect(normaliseRecord({ thinking: 'r', item_id: '' }, MAP, 5).key).toBe('5')
    expect(normaliseRecord({ thinking: 'r', item_id: 0 }, MAP, 6).key).toBe('0')
  })

  it('reads null answer and problem texts as empty', () => {
    const n = normaliseRecord({ thinking: 'r', content: null, question: null }, MAP, 1)
    expect([n.reasoning, n.answer, n.problem]).toEqual(['r', '', ''])
  })

  it('joins a list of texts with blank lines', () => {
    const n = normaliseRecord({ thinking: ['First try.', 'Second try.'] }, MAP, 1)
    expect(n.reasoning).toBe('First try.\n\nSecond try.')
  })

  it('reads correctness from booleans, 1/0 and true/false strings only', () => {
    const correct = (ok: unknown) => normaliseRecord({ thinking: 'r', ok }, MAP, 1).correct
    expect([true, 1, 'true', 'True'].map(correct)).toEqual([true, true, true, true])
    expect([false, 0, 'false', 'False'].map(correct)).toEqual([false, false, false, false])
    expect(['yes', 2, [true], null, undefined].map(correct)).toEqual([null, null, null, null, null])
  })

  describe('thought markers in the reasoning', () => {
    it('splits them, the text after the block becoming the answer', () => {
      const n = normaliseRecord({ thinking: '<think>\nHmm.\n</think>\n\n5' }, MAP, 1)
      expect([n.reasoning, n.answer]).toEqual(['Hmm.', '5'])
    })

    it('keeps a non-empty answer field over the text after the block', () => {
      const record = { thinking: 'Hmm.</think>tail', content: 'Answer: 5' }
      const n = normaliseRecord(record, MAP, 1)
      expect([n.reasoning, n.answer]).toEqual(['Hmm.', 'Answer: 5'])
    })

    it('takes the text after the block when the answer field is empty', () => {
      const n = normaliseRecord({ thinking: 'Hmm.</think>5', content: '' }, MAP, 1)
      expect(n.answer).toBe('5')
    })
  })

  describe('line endings', () => {
    it('normalises CRLF and lone CR to LF, keeping each original in extra', () => {
      const record = {
        question: 'Line 1\r\nLine 2',
        thinking: 'a\r\nb\rc\n',
        content: 'plain\nLF',
        gt: 'x\r\ny',
      }
      const n = normaliseRecord(record, MAP, 1)
      expect(n.problem).toBe('Line 1\nLine 2')
      expect(n.reasoning).toBe('a\nb\nc\n')
      expect(n.answer).toBe('plain\nLF')
      expect(n.gold).toBe('x\ny')
      expect(n.extra).toStrictEqual({
        [`${ORIGINAL_PREFIX}problem`]: 'Line 1\r\nLine 2',
        [`${ORIGINAL_PREFIX}reasoning`]: 'a\r\nb\rc\n',
        [`${ORIGINAL_PREFIX}gold`]: 'x\r\ny',
      })
    })

    it('adds no original to extra when there is no CR', () => {
      expect(normaliseRecord({ thinking: 'a\nb' }, MAP, 1).extra).toStrictEqual({})
    })
  })

  it('passes emoji, surrogate pairs and CJK through unchanged', () => {
    const record = {
      question: '求 x 的值 𠮷',
      thinking: '也许我需要考虑 😀 ✔️ 👩‍👩‍👧',
      content: '✅ 42',
    }
    const n = normaliseRecord(record, MAP, 1)
    expect([n.problem, n.reasoning, n.answer]).toEqual([
      record.question,
      record.thinking,
      record.content,
    ])
  })

  describe('bad rows', () => {
    it('rejects a record that is not an object, naming what it found', () => {
      expect(rowError([1, 2])).toBe('expected a JSON object, found a list')
      expect(rowError(null)).toBe('expected a JSON object, found null')
      expect(rowError(42)).toBe('expected a JSON object, found a number')
      expect(rowError('text')).toBe('expected a JSON object, found a string')
    })

    it('rejects a map without a reasoning field', () => {
      expect(rowError({ thinking: 'r' }, { answer: 'content' })).toBe(
        'no field is mapped to the reasoning',
      )
    })

    it('rejects a record without its reasoning field', () => {
      expect(rowError({ content: 'a' })).toBe('the reasoning field "thinking" is missing')
    })

    it('rejects null, empty, blank and list reasoning, naming the field (#12)', () => {
      const why = (thinking: unknown) => rowError({ thinking })?.split(':')[0]
      expect(why(null)).toBe('the reasoning field "thinking" is null')
      expect(why('')).toBe(
        'the reasoning field "thinking" is an empty text (and there is no answer)',
      )
      expect(why(' \n')).toBe(
        'the reasoning field "thinking" holds only white space (and there is no answer)',
      )
      expect(why([])).toBe('the reasoning field "thinking" is an empty list')
      expect(why([1, 2])).toBe('the reasoning field "thinking" is a list holding a number')
      expect(why(['', ' '])).toBe('the reasoning field "thinking" is a list of empty texts')
    })

    it('keeps an empty reasoning beside an answer: a run with thinking switched off', () => {
      const n = normaliseRecord({ thinking: '', content: 'Answer: 4' }, MAP, 1)
      expect([n.reasoning, n.answer]).toEqual(['', 'Answer: 4'])
    })

    it('rejects a text field of the wrong type, naming field and type', () => {
      expect(rowError({ thinking: 12 })).toBe('field "thinking" holds a number, expected text')
      expect(rowError({ thinking: 'r', content: { text: 'a' } })).toBe(
        'field "content" holds an object, expected text',
      )
      expect(rowError({ thinking: 'r', question: ['a', 1] })).toBe(
        'field "question" holds a list, expected text',
      )
    })
  })
})
