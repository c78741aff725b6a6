import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { codePointToUtf16, makeOffsetConverter, utf16ToCodePoint } from './offsets'

/** Characters where the units agree or differ: ASCII, BMP, CJK, astral, ZWJ, lone halves. */
const unit = fc.oneof(
  fc.constantFrom('a', ' ', '\n', 'é', 'e\u0301', '中', '文', '😀', '👍🏽', '👩‍👩‍👧', '𝔸', '𠀋'),
  fc.constantFrom('\uD83D', '\uDE00', '\uDE00\uD83D'),
  fc.string({ unit: 'binary', maxLength: 1 }),
)
const trace = fc.string({ unit, maxLength: 40 })

/** The Python view of a string: one element per code point. */
const codePoints = (text: string) => [...text]

/** Independent oracle: UTF-16 length of the first `cp` code points. */
const oracleUtf16 = (text: string, cp: number) => codePoints(text).slice(0, cp).join('').length

const textWithCpRange = trace.chain((text) => {
  const n = codePoints(text).length
  return fc
    .tuple(fc.nat({ max: n }), fc.nat({ max: n }))
    .map(([a, b]) => ({ text, cpStart: Math.min(a, b), cpEnd: Math.max(a, b) }))
})

describe('offsets', () => {
  it('counts an emoji as two units and one code point', () => {
    const text = 'a😀b'
    expect(utf16ToCodePoint(text, 3)).toBe(2)
    expect(codePointToUtf16(text, 2)).toBe(3)
    const c = makeOffsetConverter(text)
    expect([c.utf16Length, c.codePointLength]).toEqual([4, 3])
    expect([0, 1, 3, 4].map((o) => c.toCodePoint(o))).toEqual([0, 1, 2, 3])
    expect([0, 1, 2, 3].map((cp) => c.toUtf16(cp))).toEqual([0, 1, 3, 4])
  })

  it('leaves BMP text, CJK and combining marks unchanged', () => {
    const text = 'Wait, 中文 café\n'
    const c = makeOffsetConverter(text)
    for (let o = 0; o <= text.length; o++) {
      expect(c.toCodePoint(o)).toBe(o)
      expect(utf16ToCodePoint(text, o)).toBe(o)
    }
  })

  it('rejects an offset inside a surrogate pair, naming it', () => {
    const text = 'x😀y'
    expect(() => utf16ToCodePoint(text, 2)).toThrow(/offset 2 .*surrogate pair/)
    expect(() => makeOffsetConverter(text).toCodePoint(2)).toThrow(RangeError)
    expect(() => makeOffsetConverter(text).toCodePoint(2)).toThrow(/offset 2/)
  })

  it('treats a lone surrogate as one unit and one code point', () => {
    const text = '\uD83Da\uDE00'
    const c = makeOffsetConverter(text)
    expect(c.codePointLength).toBe(3)
    expect([1, 2, 3].map((o) => c.toCodePoint(o))).toEqual([1, 2, 3])
    // A high half followed by a pair: only the second and third units pair up.
    expect(makeOffsetConverter('\uD83D😀').codePointLength).toBe(2)
  })

  it('rejects offsets outside the text and non-integers', () => {
    const c = makeOffsetConverter('😀')
    expect(() => c.toCodePoint(3)).toThrow(/3 is outside 0..2/)
    expect(() => c.toUtf16(2)).toThrow(RangeError)
    expect(() => c.toCodePoint(-1)).toThrow(RangeError)
    expect(() => c.toCodePoint(0.5)).toThrow(RangeError)
    expect(() => codePointToUtf16('😀', 2)).toThrow(RangeError)
    expect(() => utf16ToCodePoint('ab', 3)).toThrow(RangeError)
  })

  it('handles the empty text', () => {
    const c = makeOffsetConverter('')
    expect([
      c.toCodePoint(0),
      c.toUtf16(0),
      utf16ToCodePoint('', 0),
      codePointToUtf16('', 0),
    ]).toEqual([0, 0, 0, 0])
  })

  it('agrees with the code-point oracle and round-trips (property)', () => {
    fc.assert(
      fc.property(trace, (text) => {
        const c = makeOffsetConverter(text)
        expect(c.codePointLength).toBe(codePoints(text).length)
        for (let cp = 0; cp <= c.codePointLength; cp++) {
          const o = c.toUtf16(cp)
          expect(o).toBe(oracleUtf16(text, cp))
          expect(codePointToUtf16(text, cp)).toBe(o)
          expect(c.toCodePoint(o)).toBe(cp)
          expect(utf16ToCodePoint(text, o)).toBe(cp)
        }
      }),
    )
  })

  it('slices the same text in both units (property)', () => {
    fc.assert(
      fc.property(textWithCpRange, ({ text, cpStart, cpEnd }) => {
        const c = makeOffsetConverter(text)
        const start = c.toUtf16(cpStart)
        const end = c.toUtf16(cpEnd)
        expect(codePoints(text).slice(cpStart, cpEnd).join('')).toBe(text.slice(start, end))
        expect([c.toCodePoint(start), c.toCodePoint(end)]).toEqual([cpStart, cpEnd])
      }),
    )
  })

  it('throws exactly for the offsets that split a pair (property)', () => {
    fc.assert(
      fc.property(trace, (text) => {
        const c = makeOffsetConverter(text)
        const boundaries = new Set<number>()
        for (let cp = 0; cp <= c.codePointLength; cp++) boundaries.add(oracleUtf16(text, cp))
        for (let o = 0; o <= text.length; o++) {
          if (boundaries.has(o)) continue
          expect(() => c.toCodePoint(o)).toThrow(RangeError)
          expect(() => utf16ToCodePoint(text, o)).toThrow(RangeError)
        }
      }),
    )
  })
})
