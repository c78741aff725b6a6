/**
 * Character classes shared by the matchers and counters, so that a pivot's word boundary,
 * a word count and a trimmed segment agree on what a letter, a CJK character and white
 * space are. Tests take a UTF-16 index and allocate nothing (sticky regular expressions).
 */

/** Scripts written without spaces: each character is a word, and it never glues onto a Latin word. */
export const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}'

/** Characters that continue a word in scripts written with spaces (for the `u` flag). */
export const WORD_CLASS = '\\p{L}\\p{N}_'

/**
 * Unicode-aware word boundaries: start or end of text, a non-word character, or a CJK
 * character ("答案Wait" holds "Wait"; "await", "waiter" and "éwait" do not).
 */
export const BOUNDARY_BEFORE = `(?<=^|[^${WORD_CLASS}]|[${CJK_CLASS}])`
export const BOUNDARY_AFTER = `(?=$|[^${WORD_CLASS}]|[${CJK_CLASS}])`

const wordCharAt = new RegExp(`(?![${CJK_CLASS}])[${WORD_CLASS}]`, 'uy')
const wordCharBefore = new RegExp(`(?<=[${WORD_CLASS}])(?<![${CJK_CLASS}])`, 'uy')
const cjkCharAt = new RegExp(`[${CJK_CLASS}]`, 'uy')
const letterOrDigitAt = /[\p{L}\p{N}]/uy

function isAsciiWordCode(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f
  )
}

/** Is the character starting at `index` a word character of a spaced script? */
export function isWordCharAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (code < 0x80 || Number.isNaN(code)) return isAsciiWordCode(code)
  wordCharAt.lastIndex = index
  return wordCharAt.test(text)
}

/** Is the character ending at `index` a word character of a spaced script? */
export function isWordCharBefore(text: string, index: number): boolean {
  const code = text.charCodeAt(index - 1)
  if (code < 0x80 || Number.isNaN(code)) return isAsciiWordCode(code)
  wordCharBefore.lastIndex = index
  return wordCharBefore.test(text)
}

export function isCjkCharAt(text: string, index: number): boolean {
  cjkCharAt.lastIndex = index
  return cjkCharAt.test(text)
}

export function isLetterOrDigitAt(text: string, index: number): boolean {
  letterOrDigitAt.lastIndex = index
  return letterOrDigitAt.test(text)
}

/** Exactly the code units of JavaScript's `\s`. */
export function isWhitespaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  if (code < 0xa0) return false
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}
