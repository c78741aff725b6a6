import { describe, expect, it } from 'vitest'
import {
  DEFAULT_LEXICON_ID,
  LEXICON_PRESETS,
  PIVOT_LEXICON,
  REFLECTION_TOKENS_LEXICON,
  SELF_REFLECTION_LEXICON,
} from './lexicon-presets'

/** Relative luminance (WCAG) of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

describe('lexicon presets', () => {
  it('ships the three presets with unique ids, the pivots by default', () => {
    expect(LEXICON_PRESETS.map((l) => l.id)).toEqual([
      'sos-pivots',
      'reflection-tokens',
      'self-reflection',
    ])
    expect(DEFAULT_LEXICON_ID).toBe('sos-pivots')
  })

  it('has the four pivot categories of DESIGN section 4', () => {
    expect(PIVOT_LEXICON.name).toBe('Style over Substance pivots')
    const sizes = Object.fromEntries(PIVOT_LEXICON.categories.map((c) => [c.id, c.phrases.length]))
    expect(sizes).toEqual({ realization: 11, verification: 10, exploration: 11, integration: 9 })
  })

  it('has the 17 reflection tokens and 15 self-reflection keywords', () => {
    expect(REFLECTION_TOKENS_LEXICON.categories).toHaveLength(1)
    expect(new Set(REFLECTION_TOKENS_LEXICON.categories[0]?.phrases).size).toBe(17)
    expect(new Set(SELF_REFLECTION_LEXICON.categories[0]?.phrases).size).toBe(15)
  })

  it('uses distinct light hex colours that dark text can sit on', () => {
    const colors = LEXICON_PRESETS.flatMap((l) => l.categories.map((c) => c.color))
    expect(new Set(colors).size).toBe(colors.length)
    for (const color of colors) {
      expect(color).toMatch(/^#[0-9a-f]{6}$/)
      // contrast with black text at least 12:1 (WCAG AAA needs 7:1)
      expect((luminance(color) + 0.05) / 0.05).toBeGreaterThan(12)
    }
  })

  it('lists no phrase twice within a lexicon', () => {
    for (const lexicon of LEXICON_PRESETS) {
      const phrases = lexicon.categories.flatMap((c) => c.phrases.map((p) => p.toLowerCase()))
      expect(new Set(phrases).size, lexicon.id).toBe(phrases.length)
    }
  })
})
