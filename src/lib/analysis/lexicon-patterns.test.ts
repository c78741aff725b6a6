import { describe, expect, it } from 'vitest'
import { LEXICON_PRESETS, PIVOT_LEXICON } from './lexicon-presets'
import {
  joinTokens,
  parsePatternsJsonl,
  PatternsParseError,
  toPatternsJsonl,
} from './lexicon-patterns'

describe('patterns JSONL', () => {
  it('writes plain words as lower-case token patterns and the rest as phrase patterns', () => {
    const lines = toPatternsJsonl(PIVOT_LEXICON)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    const phraseCount = PIVOT_LEXICON.categories.reduce((n, c) => n + c.phrases.length, 0)
    expect(lines).toHaveLength(phraseCount)
    expect(lines[0]).toEqual({
      label: 'realization',
      pattern: [{ lower: 'wait' }],
      color: '#ffd6a5',
      name: 'Realization',
    })
    expect(lines.find((l) => l.pattern === "let's verify")?.label).toBe('verification')
    expect(lines.find((l) => l.pattern === 'double-check')).toBeDefined()
    const made = lines.find((l) => Array.isArray(l.pattern) && l.pattern.length === 4)
    expect(made?.pattern).toEqual([
      { lower: 'i' },
      { lower: 'made' },
      { lower: 'a' },
      { lower: 'mistake' },
    ])
  })

  it('round-trips every preset up to the case of token words', () => {
    for (const preset of LEXICON_PRESETS) {
      const back = parsePatternsJsonl(toPatternsJsonl(preset), preset.id, preset.name)
      const lower = (l: typeof preset) => ({
        ...l,
        categories: l.categories.map((c) => ({
          ...c,
          phrases: c.phrases.map((p) => p.toLowerCase()),
        })),
      })
      expect(lower(back)).toEqual(lower(preset))
    }
  })

  it('reads the examples of FORMATS.md and spaCy token lists', () => {
    const text = [
      '{"label":"PIVOT","pattern":[{"lower":"wait"}]}',
      '{"label":"PIVOT","pattern":"Alternatively"}',
      '',
      '{"label":"CHECK","pattern":[{"LOWER":"let"},{"ORTH":"\'s"},{"lower":"double"},{"lower":"-"},{"lower":"check"}]}',
    ].join('\r\n')
    const lexicon = parsePatternsJsonl(text, 'id', 'name')
    expect(lexicon.categories.map((c) => [c.id, c.name, c.phrases])).toEqual([
      ['PIVOT', 'PIVOT', ['wait', 'Alternatively']],
      ['CHECK', 'CHECK', ["let's double-check"]],
    ])
    expect(lexicon.categories[0]?.color).toMatch(/^#[0-9a-f]{6}$/)
    expect(joinTokens(['do', "n't", 'stop'])).toBe("don't stop")
  })

  it('names the line of a bad pattern', () => {
    const bad = (text: string) => {
      try {
        parsePatternsJsonl(text, 'x', 'x')
      } catch (error) {
        if (error instanceof PatternsParseError) return error.message
      }
      return 'no error'
    }
    expect(bad('{"label":"A","pattern":"x"}\n{"label":"A"')).toMatch(/^line 2: not valid JSON/)
    expect(bad('{"label":"A","pattern":[{"POS":"VERB"}]}')).toMatch(/^line 1: a token must be/)
    expect(bad('{"pattern":"x"}')).toMatch(/^line 1: "label"/)
    expect(bad('\n\n')).toMatch(/no patterns/)
  })
})
