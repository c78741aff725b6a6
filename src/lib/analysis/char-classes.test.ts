import { describe, expect, it } from 'vitest'
import {
  isCjkCharAt,
  isLetterOrDigitAt,
  isWhitespaceCode,
  isWordCharAt,
  isWordCharBefore,
} from './char-classes'

describe('isWhitespaceCode', () => {
  it('agrees with \\s on every BMP code unit', () => {
    const disagreements: string[] = []
    for (let code = 0; code <= 0xffff; code++) {
      if (isWhitespaceCode(code) !== /\s/.test(String.fromCharCode(code))) {
        disagreements.push(code.toString(16))
      }
    }
    expect(disagreements).toEqual([])
  })
})

describe('word characters', () => {
  it('counts letters, digits and _ of spaced scripts, not CJK, marks or punctuation', () => {
    const text = 'aZ9_éЖ我か한,\u0301 \ufe0f'
    const word = [...text].map((_, i) => isWordCharAt(text, i))
    expect(word).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ])
  })

  it('reads astral characters whole, before and at an index', () => {
    const text = '𝑥😀' // MATHEMATICAL ITALIC SMALL X is a letter; the emoji is not
    expect(isWordCharAt(text, 0)).toBe(true)
    expect(isWordCharBefore(text, 2)).toBe(true)
    expect(isWordCharAt(text, 2)).toBe(false)
    expect(isWordCharBefore(text, 4)).toBe(false)
  })

  it('is false outside the text', () => {
    expect(isWordCharAt('a', 1)).toBe(false)
    expect(isWordCharBefore('a', 0)).toBe(false)
  })
})

describe('CJK and letters', () => {
  it('classifies Han, kana and hangul as CJK, including astral Han', () => {
    const text = '中ひカ한a𠀀'
    expect([0, 1, 2, 3, 4, 5].map((i) => isCjkCharAt(text, i))).toEqual([
      true,
      true,
      true,
      true,
      false,
      true,
    ])
  })

  it('finds letters and digits in any script', () => {
    const text = 'a٣ж!'
    expect([0, 1, 2, 3].map((i) => isLetterOrDigitAt(text, i))).toEqual([true, true, true, false])
  })
})
