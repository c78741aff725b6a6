import { describe, expect, it } from 'vitest'
import { PIVOT_LEXICON } from './lexicon-presets'
import { compileLexicon, compiledLexicon } from './match-pivots'
import { analyseText } from './metrics'
import { recentAnalysis } from './recent-analyses'

describe('compiledLexicon', () => {
  it('hands back the same compiled lexicon while the lexicon is unchanged, a new one after', () => {
    const first = compiledLexicon(structuredClone(PIVOT_LEXICON))
    // A lexicon read again (a new object, the same phrases) is the same compiled one.
    expect(compiledLexicon(structuredClone(PIVOT_LEXICON))).toBe(first)
    const edited = structuredClone(PIVOT_LEXICON)
    edited.categories[0]!.phrases.push('on second thought')
    const other = compiledLexicon(edited)
    expect(other).not.toBe(first)
    expect(other.entries.map((e) => e.phrase)).toContain('on second thought')
    // Another id with the same phrases is compiled apart (its matches carry its id).
    expect(compiledLexicon({ ...PIVOT_LEXICON, id: 'copy' }).lexiconId).toBe('copy')
    expect(compiledLexicon(structuredClone(PIVOT_LEXICON))).toBe(first)
  })
})

describe('recentAnalysis', () => {
  const compiled = compileLexicon(PIVOT_LEXICON)
  const text = (i: number) => `Step ${i}. Wait, let me check. Hmm, alternatively try ${i}.`

  it('equals a fresh analysis, and is kept for the last texts only', () => {
    const a = recentAnalysis(text(0), compiled)
    expect(a).toEqual(analyseText(text(0), compiled))
    // The same text (even another string object) gives the kept analysis back.
    expect(recentAnalysis(`${text(0)}`.slice(0), compiled)).toBe(a)
    // Eight other texts later it is gone, and analysed again.
    for (let i = 1; i <= 8; i++) recentAnalysis(text(i), compiled)
    const again = recentAnalysis(text(0), compiled)
    expect(again).not.toBe(a)
    expect(again).toEqual(a)
    // Per compiled lexicon: another lexicon's analysis of the same text is its own.
    const other = compileLexicon({ ...PIVOT_LEXICON, id: 'other' })
    expect(recentAnalysis(text(0), other)).not.toBe(again)
  })
})
