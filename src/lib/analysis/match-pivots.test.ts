import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Lexicon } from '../traces/trace-model'
import { PIVOT_LEXICON } from './lexicon-presets'
import { compileLexicon } from './match-pivots'
import { findPivots } from './one-pass'

const pivots = compileLexicon(PIVOT_LEXICON)
const found = (text: string, compiled = pivots) =>
  findPivots(text, compiled).map((m) => [text.slice(m.start, m.end), m.phrase, m.categoryId])

function lexicon(...categories: [id: string, phrases: string[]][]): Lexicon {
  return {
    id: 'test',
    name: 'Test',
    categories: categories.map(([id, phrases]) => ({ id, name: id, color: '#fff', phrases })),
  }
}

describe('findPivots on the Style over Substance lexicon', () => {
  it('finds phrases case-insensitively with UTF-16 offsets', () => {
    const text = 'Wait, let me check.'
    expect(findPivots(text, pivots)).toEqual([
      { start: 0, end: 4, categoryId: 'realization', phrase: 'wait' },
      { start: 6, end: 18, categoryId: 'verification', phrase: 'let me check' },
    ])
  })

  it('matches only whole words, with Unicode letters as word characters', () => {
    expect(found('await waiter awaited _wait wait2 éwait waité ohé Ohm')).toEqual([])
    expect(found('(wait) "Hmm" oh!')).toEqual([
      ['wait', 'wait', 'realization'],
      ['Hmm', 'hmm', 'realization'],
      ['oh', 'oh', 'realization'],
    ])
  })

  it('treats CJK characters as boundaries (code-switching)', () => {
    expect(found('答案是Wait我们Alternatively，也许')).toEqual([
      ['Wait', 'wait', 'realization'],
      ['Alternatively', 'alternatively', 'exploration'],
    ])
  })

  it('counts offsets in UTF-16 code units after emoji and astral letters', () => {
    const text = '😀 wait ✔️Hmm 𝑥wait'
    const matches = findPivots(text, pivots)
    expect(matches.map((m) => [m.start, m.end])).toEqual([
      [3, 7],
      [10, 13],
    ])
  })

  it('matches multi-word phrases across any white space, CRLF included', () => {
    expect(found('Let  me\r\n\tcheck this')).toEqual([
      ['Let  me\r\n\tcheck', 'let me check', 'verification'],
    ])
  })

  it('matches a typographic apostrophe too', () => {
    expect(found("Let’s try, then let's verify.")).toEqual([
      ['Let’s try', "let's try", 'exploration'],
      ["let's verify", "let's verify", 'verification'],
    ])
  })

  it('prefers the longest phrase at a position and the leftmost overall', () => {
    expect(found('Let me double-check. Double-check! double-checking')).toEqual([
      ['Let me double-check', 'let me double-check', 'verification'],
      ['Double-check', 'double-check', 'verification'],
    ])
    expect(found('let me check again; check again')).toEqual([
      ['let me check', 'let me check', 'verification'],
      ['check again', 'check again', 'verification'],
    ])
  })

  it('prefers the longest of phrases sharing a prefix, whatever the lexicon order', () => {
    const compiled = compileLexicon(
      lexicon(['short', ['check', 'but']], ['long', ['check again', 'but wait']]),
    )
    expect(found('But wait, check again. Check.', compiled)).toEqual([
      ['But wait', 'but wait', 'long'],
      ['check again', 'check again', 'long'],
      ['Check', 'check', 'short'],
    ])
  })

  it('returns nothing for empty text or an empty lexicon', () => {
    expect(findPivots('', pivots)).toEqual([])
    expect(findPivots('wait', compileLexicon(lexicon(['a', []], ['b', ['  ']])))).toEqual([])
  })
})

describe('compileLexicon', () => {
  it('gives a phrase listed twice to the first category', () => {
    const compiled = compileLexicon(lexicon(['first', ['check']], ['second', ['Check', 'again']]))
    expect(found('check again', compiled)).toEqual([
      ['check', 'check', 'first'],
      ['again', 'again', 'second'],
    ])
  })

  it('escapes metacharacters and skips boundaries on non-word phrase edges', () => {
    const compiled = compileLexicon(lexicon(['x', ['1.5', 'a+b', '(x)', '?!', 'c:\\d', '也许']]))
    expect(
      found('105 1.5 aab a+b (x) really?! c:\\d 或者，也许我', compiled).map((m) => m[0]),
    ).toEqual(['1.5', 'a+b', '(x)', '?!', 'c:\\d', '也许'])
  })

  it('re-checks a phrase edge that is a non-ASCII letter', () => {
    const compiled = compileLexicon(lexicon(['x', ['café', 'wait']]))
    expect(found('cafés café, wait', compiled).map((m) => m[0])).toEqual(['café', 'wait'])
  })

  it('resolves matches whose lower case differs from the phrase (Greek final sigma)', () => {
    const compiled = compileLexicon(lexicon(['greek', ['λογος']]))
    expect(found('ο ΛΟΓΟΣ, ο λογοσ', compiled)).toEqual([
      ['ΛΟΓΟΣ', 'λογος', 'greek'],
      ['λογοσ', 'λογος', 'greek'],
    ])
  })

  it('lists categories in lexicon order', () => {
    expect(pivots.categoryIds).toEqual([
      'realization',
      'verification',
      'exploration',
      'integration',
    ])
    expect(pivots.lexiconId).toBe('sos-pivots')
  })
})

/**
 * Oracle: tries every position left to right and every phrase longest first, with word
 * boundaries checked by hand. Slow, but shares nothing with the single-regex scan.
 */
function naiveFind(text: string, phrases: string[]) {
  const sorted = [...phrases].sort((a, b) => b.length - a.length)
  const isWord = (ch: string | undefined) =>
    ch !== undefined && /[\p{L}\p{N}_]/u.test(ch) && !/\p{Script=Han}/u.test(ch)
  const out: [number, number, string][] = []
  const chars = [...text]
  let offset = 0
  for (let i = 0; i < chars.length;) {
    let hit: [number, string] | null = null
    for (const phrase of sorted) {
      const pattern = phrase.split(' ').join('\\s+')
      const m = new RegExp(`^(?:${pattern})`, 'i').exec(text.slice(offset))
      if (m === null) continue
      const before = chars[i - 1]
      const after = [...text.slice(offset + m[0].length)][0]
      if (isWord(before) || isWord(after)) continue
      hit = [m[0].length, phrase]
      break
    }
    if (hit === null) {
      offset += (chars[i] ?? '').length
      i++
      continue
    }
    out.push([offset, offset + hit[0], hit[1]])
    const skip = [...text.slice(offset, offset + hit[0])].length
    for (let k = 0; k < skip; k++) offset += (chars[i + k] ?? '').length
    i += skip
  }
  return out
}

describe('findPivots against a naive matcher', () => {
  const phrases = ['wait', 'but wait', 'check', 'check again', 'let me check', 'a b c', 'b']
  const compiled = compileLexicon(lexicon(['all', phrases]))
  const piece = fc.constantFrom(
    ...['wait', 'WAIT', 'but', 'check', 'again', 'let', 'me', 'a', 'b', 'c', 'x', '1'],
    ...['check again', 'but wait', 'let me check', 'a b'],
    ...[' ', '  ', '\n', '\t', '.', '-', '_', '中', 'é', '😀', '𝑥'],
  )
  it('agrees on random texts', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('')
        const actual = findPivots(text, compiled).map((m) => [m.start, m.end, m.phrase])
        expect(actual).toEqual(naiveFind(text, phrases))
      }),
      { numRuns: 500 },
    )
  })
})
