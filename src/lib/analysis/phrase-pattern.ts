/**
 * Regular-expression sources for lexicon phrases. Two flavours of the same alternation:
 * - `fastAlternation`, for the non-`u` scan: ASCII `\b` on ASCII word edges only. Without the
 *   `u` flag V8 scans about twice as fast, and its matches are a superset of the exact ones
 *   (a Unicode boundary is always an ASCII `\b`), so the caller only has to re-check them;
 * - `exactAlternation`: the full Unicode-aware boundaries of char-classes.ts (`u` flag).
 */
import { BOUNDARY_AFTER, BOUNDARY_BEFORE, CJK_CLASS, WORD_CLASS } from './char-classes'

const SYNTAX = /[\\^$.*+?()[\]{}|/]/g
const APOSTROPHES = /['’]/g

/** Lower case, runs of white space as one space, typographic apostrophe as ASCII. */
export function phraseKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'").trim()
}

/** One phrase: metacharacters escaped, white space as `\s+`, `'` as `['’]`; valid with or without `u`. */
export function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(SYNTAX, '\\$&').replace(APOSTROPHES, "['’]"))
    .join('\\s+')
}

type Edges = (phrase: string) => readonly [before: string, after: string]

/** Alternatives in the given order; neighbours with the same edges share one group. */
function alternation(phrases: readonly string[], edges: Edges): string {
  const groups: string[] = []
  let run: string[] = []
  let before = ''
  let after = ''
  const flush = () => {
    if (run.length > 0) groups.push(`${before}(?:${run.join('|')})${after}`)
    run = []
  }
  for (const phrase of phrases) {
    const [b, a] = edges(phrase)
    if (b !== before || a !== after) flush()
    before = b
    after = a
    run.push(phraseSource(phrase))
  }
  flush()
  return groups.join('|')
}

const ASCII_WORD_START = /^[A-Za-z0-9_]/
const ASCII_WORD_END = /[A-Za-z0-9_]$/
const WORD_START = new RegExp(`^(?![${CJK_CLASS}])[${WORD_CLASS}]`, 'u')
const WORD_END = new RegExp(`[${WORD_CLASS}](?<![${CJK_CLASS}])$`, 'u')

export function fastAlternation(phrases: readonly string[]): string {
  return alternation(phrases, (p) => [
    ASCII_WORD_START.test(p) ? '\\b' : '',
    ASCII_WORD_END.test(p) ? '\\b' : '',
  ])
}

export function exactAlternation(phrases: readonly string[]): string {
  return alternation(phrases, (p) => [
    WORD_START.test(p) ? BOUNDARY_BEFORE : '',
    WORD_END.test(p) ? BOUNDARY_AFTER : '',
  ])
}
