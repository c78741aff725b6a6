import { describe, expect, it } from 'vitest'
import { PIVOT_LEXICON } from '../analysis/lexicon-presets'
import { compileLexicon } from '../analysis/match-pivots'
import { buildRows } from './build-rows'
import type { NormalisedTrace } from './normalise-record'
import { problemHash } from './problem-hash'

const lexicon = compileLexicon(PIVOT_LEXICON)

const trace = (overrides: Partial<NormalisedTrace> = {}): NormalisedTrace => ({
  key: 'arith-00-0',
  problem: 'What is 2 + 3?',
  reasoning: 'Let me add 2 and 3. Wait, that is 5.',
  answer: 'Answer: 5',
  gold: '',
  model: 'qwen3:8b',
  correct: null,
  truncated: false,
  spans: [],
  relations: [],
  extra: { done_reason: 'stop' },
  ...overrides,
})

describe('buildRows', () => {
  it('builds the summary and the texts rows of one trace', () => {
    const n = trace({ gold: '5' })
    const { trace: row, texts } = buildRows(n, 'ds1', 7, lexicon, 1234)
    expect(row).toMatchObject({
      id: 'ds1:000000007',
      datasetId: 'ds1',
      key: 'arith-00-0',
      problemHash: problemHash('What is 2 + 3?', 'arith-00-0'),
      problemPreview: 'What is 2 + 3?',
      model: 'qwen3:8b',
      status: 'todo',
      tags: [],
      ordinal: 7,
      updatedAt: 1234,
    })
    expect(row.metrics.chars).toBe(n.reasoning.length)
    expect(row.metrics.lexiconId).toBe(PIVOT_LEXICON.id)
    expect(texts).toStrictEqual({
      traceId: 'ds1:000000007',
      datasetId: 'ds1',
      problem: n.problem,
      reasoning: n.reasoning,
      answer: n.answer,
      gold: '5',
      extra: { done_reason: 'stop' },
    })
  })

  it('pairs traces of the same problem across datasets, and by key without a problem', () => {
    const a = buildRows(trace({ problem: 'Find  X.' }), 'ds1', 1, lexicon, 0).trace
    const b = buildRows(trace({ problem: 'find x.', key: 'other' }), 'ds2', 1, lexicon, 0).trace
    expect(a.problemHash).toBe(b.problemHash)
    const c = buildRows(trace({ problem: '', key: 'item-9' }), 'ds1', 2, lexicon, 0).trace
    const d = buildRows(trace({ problem: '', key: 'item-9' }), 'ds2', 5, lexicon, 0).trace
    expect(c.problemHash).toBe(d.problemHash)
    expect(c.problemHash).not.toBe(a.problemHash)
  })

  describe('correctness', () => {
    const correct = (overrides: Partial<NormalisedTrace>) =>
      buildRows(trace(overrides), 'ds', 1, lexicon, 0).trace.correct

    it('keeps the source’s flag over any judgement, even false', () => {
      expect(correct({ correct: false, gold: '5', answer: 'Answer: 5' })).toBe(false)
      expect(correct({ correct: true, gold: '6', answer: 'Answer: 5' })).toBe(true)
    })

    it('judges the answer against the gold one when the source has no flag', () => {
      expect(correct({ gold: '5', answer: 'So \\boxed{5}.' })).toBe(true)
      expect(correct({ gold: '6', answer: 'So \\boxed{5}.' })).toBe(false)
    })

    it('judges the reasoning when there is no answer (an unclosed thought)', () => {
      expect(correct({ gold: '5', answer: '', reasoning: 'Thus \\boxed{5}' })).toBe(true)
    })

    it('is unknown without a gold answer or a flag', () => {
      expect(correct({ gold: '', answer: 'So \\boxed{5}.' })).toBeNull()
    })
  })

  describe('problem preview', () => {
    const preview = (problem: string) =>
      buildRows(trace({ problem }), 'ds', 1, lexicon, 0).trace.problemPreview

    it('collapses white space and keeps up to 160 characters', () => {
      expect(preview('  Line 1\n\n\tLine 2  ')).toBe('Line 1 Line 2')
      const exact = 'x'.repeat(160)
      expect(preview(exact)).toBe(exact)
    })

    it('cuts a longer problem to 160 characters ending in an ellipsis', () => {
      const cut = preview('y'.repeat(200))
      expect(cut).toBe(`${'y'.repeat(159)}…`)
      expect(cut).toHaveLength(160)
    })

    it('never cuts an emoji (a surrogate pair) in half', () => {
      const cut = preview(`${'a'.repeat(158)}😀${'b'.repeat(50)}`)
      expect(cut).toBe(`${'a'.repeat(158)}…`)
    })

    it('keeps CJK and emoji unchanged', () => {
      expect(preview('求 x 的值 😀')).toBe('求 x 的值 😀')
    })
  })
})
