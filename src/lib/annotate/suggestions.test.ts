import { describe, expect, it } from 'vitest'
import { compileLexicon } from '../analysis/match-pivots'
import { analyseText } from '../analysis/metrics'
import { PIVOT_LEXICON } from '../analysis/lexicon-presets'
import { TAXONOMY_PRESETS } from '../analysis/taxonomy-presets'
import type { Annotation } from '../traces/trace-model'
import { labelFor, suggestionAt, suggestionsFor } from './suggestions'

const sos = TAXONOMY_PRESETS.find((t) => t.id === 'sos')!
const anchors = TAXONOMY_PRESETS.find((t) => t.id === 'thought-anchors')!
const behaviours = TAXONOMY_PRESETS.find((t) => t.id === 'cognitive-behaviours')!
const text = 'First we add. Wait, that is wrong.\n\nLet me check 2+2. Therefore 4 😀.'
const analysis = analyseText(text, compileLexicon(PIVOT_LEXICON))

const stored = (start: number, end: number, label: string, rejected = false) =>
  ({ field: 'reasoning', start, end, label, rejected }) as Annotation

describe('suggestions', () => {
  it('offers pivots under the label of their category, and backtracks', () => {
    const list = suggestionsFor(analysis, PIVOT_LEXICON, sos, [])
    const shown = list.map((s) => [text.slice(s.start, s.end), s.label])
    expect(shown).toContainEqual(['Wait', 'realization'])
    expect(shown).toContainEqual(['Let me check', 'verification'])
    expect(shown).toContainEqual(['Therefore', 'integration'])
    expect(list.some((s) => s.label === 'backtrack' && s.source === 'backtrack')).toBe(true)
    expect(list.map((s) => s.start)).toEqual([...list.map((s) => s.start)].sort((a, b) => a - b))
  })

  it('maps by label id or name; a taxonomy without a match offers nothing', () => {
    expect(labelFor(sos, { id: 'exploration', name: 'Exploration' })?.id).toBe('exploration')
    expect(labelFor(behaviours, { id: 'x', name: 'verification' })?.id).toBe('verification')
    expect(labelFor(behaviours, null)?.id).toBe('backtracking')
    expect(suggestionsFor(analysis, PIVOT_LEXICON, anchors, [])).toEqual([])
  })

  it('does not offer again what was accepted or rejected (same range and label)', () => {
    const all = suggestionsFor(analysis, PIVOT_LEXICON, sos, [])
    const wait = all.find((s) => s.label === 'realization')!
    const check = all.find((s) => s.label === 'verification')!
    const left = suggestionsFor(analysis, PIVOT_LEXICON, sos, [
      stored(wait.start, wait.end, 'realization'),
      stored(check.start, check.end, 'verification', true),
      // Same range, another label: does not hide the suggestion.
      stored(all.at(-1)!.start, all.at(-1)!.end, 'other'),
    ])
    expect(left).toHaveLength(all.length - 2)
    expect(left).not.toContainEqual(wait)
    expect(suggestionAt(left, all.at(-1)!.start)).toEqual(all.at(-1))
    expect(suggestionAt(left, 0)).toBeNull()
  })
})
