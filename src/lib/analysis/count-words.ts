/**
 * Word count for pivots per 1,000 words. A word is a run of non-space characters holding a
 * letter or digit ("x=3" is one word, "--" none); CJK scripts are written without spaces, so
 * each Han, kana or hangul character is a word of its own and also ends the run before it
 * ("chain利益" is three words). One pass over the code units, no allocation.
 */
import { isCjkCharAt, isLetterOrDigitAt, isWhitespaceCode } from './char-classes'

const OTHER = 0
const LETTER_OR_DIGIT = 1
const SPACE = 2
/** Class of each ASCII code unit: a table lookup is about twice as fast as comparisons here. */
const ASCII_CLASS = new Uint8Array(0x80).map((_, code) => {
  const char = String.fromCharCode(code)
  if (/[A-Za-z0-9]/.test(char)) return LETTER_OR_DIGIT
  return /\s/.test(char) ? SPACE : OTHER
})

export function countWords(text: string): number {
  let words = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) {
      const kind = ASCII_CLASS[code]
      if (kind === LETTER_OR_DIGIT) inWord = true
      else if (kind === SPACE) {
        if (inWord) words++
        inWord = false
      }
    } else if (isWhitespaceCode(code)) {
      if (inWord) words++
      inWord = false
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      // the low half of a pair was classified with its high half
    } else if (isCjkCharAt(text, i)) {
      if (inWord) words++
      inWord = false
      words++
    } else if (!inWord && isLetterOrDigitAt(text, i)) inWord = true
  }
  return inWord ? words + 1 : words
}
