import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  exactAlternation,
  fastAlternation,
  phraseKey,
  phraseSource,
  trieAlternation,
} from './phrase-pattern'

describe('phraseKey', () => {
  it('lower-cases, collapses white space and straightens apostrophes', () => {
    expect(phraseKey('  Let’s\r\n  TRY ')).toBe("let's try")
  })
})

describe('phraseSource', () => {
  it('escapes metacharacters in a source valid with and without the u flag', () => {
    const phrase = 'a.b*c+d?(e)[f]{g}|h^i$j\\k/l-m'
    for (const flags of ['', 'u']) {
      const re = new RegExp(`^${phraseSource(phrase)}$`, flags)
      expect(re.test(phrase)).toBe(true)
      expect(re.test(phrase.replace('.', 'x'))).toBe(false)
    }
  })

  it('matches any white space between words and either apostrophe', () => {
    const re = new RegExp(`^${phraseSource("let's  try")}$`)
    expect(['let’s try', "let's\n\ttry"].map((t) => re.test(t))).toEqual([true, true])
    expect(re.test("let'stry")).toBe(false)
  })
})

describe('alternations', () => {
  it('share one boundary group among neighbours with the same edges', () => {
    expect(fastAlternation(['wait', 'hmm', '?!', 'oh'])).toBe(
      '\\b(?:wait|hmm)\\b|(?:\\?!)|\\b(?:oh)\\b',
    )
  })

  it('put no ASCII \\b on non-ASCII or non-word edges, and no Unicode boundary on CJK', () => {
    expect(fastAlternation(['café'])).toBe('\\b(?:café)')
    expect(exactAlternation(['也许'])).toBe('(?:也许)')
    const exact = new RegExp(exactAlternation(['café', 'wait']), 'giu')
    expect('cafés café 我wait awaits'.match(exact)).toEqual(['café', 'wait'])
  })
})

describe('trieAlternation', () => {
  const scan = (source: string, text: string) =>
    [...text.matchAll(new RegExp(source, 'gi'))].map((m) => [m.index, m[0]])

  it('shares prefixes and keeps boundaries per edge', () => {
    expect(trieAlternation(['let me check', 'let me try', '?!'])).toBe(
      '\\b(?:let\\s+me\\s+(?:check\\b|try\\b))|\\?!',
    )
  })

  it('finds what the flat list sorted longest first finds', () => {
    const word = fc.constantFrom(
      'a',
      'ab',
      'abc',
      'B',
      'ba',
      'é',
      'σ',
      'ς',
      'Σ',
      "a'b",
      'a’b',
      '-',
      '?',
    )
    const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '))
    const piece = fc.constantFrom(
      'a',
      'b',
      'c',
      'A',
      'B',
      'é',
      'σ',
      'ς',
      'Σ',
      "'",
      '’',
      '-',
      '?',
      ' ',
      '  ',
      '\n',
      'x',
    )
    fc.assert(
      fc.property(
        fc.uniqueArray(phrase, { minLength: 1, maxLength: 6, selector: phraseKey }),
        fc.array(piece, { maxLength: 30 }),
        (phrases, pieces) => {
          const text = pieces.join('')
          const sorted = [...phrases].sort((a, b) => b.length - a.length)
          expect(scan(trieAlternation(phrases), text)).toEqual(scan(fastAlternation(sorted), text))
        },
      ),
      { numRuns: 1000 },
    )
  })
})
