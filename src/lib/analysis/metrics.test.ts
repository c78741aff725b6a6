import { describe, expect, it } from 'vitest'
import { PIVOT_LEXICON, SELF_REFLECTION_LEXICON } from './lexicon-presets'
import { compileLexicon, lexiconFingerprint } from './match-pivots'
import { analyseText, computeMetrics, emptyMetrics } from './metrics'

const compiled = compileLexicon(PIVOT_LEXICON)

describe('computeMetrics', () => {
  const reasoning =
    'Let me add 2 and 3. That is 5.\n\nWait, I misread it. Let me check: 2 + 4 = 6.\n\nTherefore the sum is 6.'

  it('fills every field from the reasoning', () => {
    const metrics = computeMetrics(reasoning, 'The final answer is 6.', compiled)
    // Counted by hand: 24 words; 3 steps; 5 sentences; pivots wait, let me check, therefore;
    // one backtrack ("Wait, I misread it."), the first pivot at offset 32.
    expect(metrics).toEqual({
      chars: reasoning.length,
      words: 24,
      tokens: Math.round(reasoning.length / 4),
      steps: 3,
      sentences: 5,
      pivots: { realization: 1, verification: 1, exploration: 0, integration: 1 },
      pivotTotal: 3,
      pivotsPer1k: (3 / 24) * 1000,
      pivotCategories: 3,
      backtracks: 1,
      verifications: 1,
      firstPivotAt: 32 / reasoning.length,
      hasFinalAnswer: true,
      lexiconId: 'sos-pivots',
      lexiconHash: lexiconFingerprint(PIVOT_LEXICON),
      phraseCounts: { wait: 1, 'let me check': 1, therefore: 1 },
      // offsets 32, 52 and 78 of 101 characters: tenths 3, 5 and 7
      pivotPositions: [0, 0, 0, 1, 0, 1, 0, 1, 0, 0],
    })
  })

  it('bins pivot positions by start, the last character in the last bin', () => {
    const text = 'Wait. ' + 'x '.repeat(47) + 'hmm'
    const metrics = computeMetrics(text, '', compiled)
    expect(text.length).toBe(103)
    expect(metrics.pivotPositions).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1])
    expect(metrics.pivotPositions.reduce((a, b) => a + b, 0)).toBe(metrics.pivotTotal)
  })

  it('changes the lexicon fingerprint with phrases, not with names or colours', () => {
    const renamed = {
      ...PIVOT_LEXICON,
      name: 'Other',
      categories: PIVOT_LEXICON.categories.map((c) => ({ ...c, color: '#000' })),
    }
    expect(lexiconFingerprint(renamed)).toBe(lexiconFingerprint(PIVOT_LEXICON))
    const [first, ...rest] = PIVOT_LEXICON.categories
    const edited = {
      ...PIVOT_LEXICON,
      categories: [{ ...first!, phrases: [...first!.phrases, 'aha'] }, ...rest],
    }
    expect(lexiconFingerprint(edited)).not.toBe(lexiconFingerprint(PIVOT_LEXICON))
  })

  it('detects a final answer in either text', () => {
    expect(computeMetrics('so \\boxed{6}', '', compiled).hasFinalAnswer).toBe(true)
    expect(computeMetrics('x', 'FINAL ANSWER 6', compiled).hasFinalAnswer).toBe(true)
    expect(computeMetrics('the answer is 6', 'boxed 6', compiled).hasFinalAnswer).toBe(false)
  })

  it('gives zeros and nulls for an empty reasoning', () => {
    expect(computeMetrics('', '', compiled)).toEqual({
      ...emptyMetrics('sos-pivots', lexiconFingerprint(PIVOT_LEXICON)),
      pivots: { realization: 0, verification: 0, exploration: 0, integration: 0 },
    })
  })

  it('has no verifications without a verification category', () => {
    const other = compileLexicon(SELF_REFLECTION_LEXICON)
    const metrics = computeMetrics('Let me recheck and double-check.', '', other)
    expect(metrics.pivots).toEqual({ 'self-reflection': 2 })
    expect(metrics.verifications).toBe(0)
    expect(metrics.lexiconId).toBe('self-reflection')
  })

  it('counts what analyseText returns, so highlights and counts agree', () => {
    const analysis = analyseText(reasoning, compiled)
    const metrics = computeMetrics(reasoning, '', compiled)
    expect(metrics.pivotTotal).toBe(analysis.pivots.length)
    expect(metrics.steps).toBe(analysis.steps.length)
    expect(metrics.sentences).toBe(analysis.sentences.length)
    expect(metrics.backtracks).toBe(analysis.backtracks.length)
  })
})
