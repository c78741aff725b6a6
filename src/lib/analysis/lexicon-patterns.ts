/**
 * Lexicons as Prodigy / spaCy patterns JSONL (FORMATS.md, "Patterns file"), one line per phrase:
 *
 *   {"label": "realization", "pattern": [{"lower": "hold"}, {"lower": "on"}], "color": "#ffd6a5", "name": "Realization"}
 *   {"label": "verification", "pattern": "let's verify", ...}
 *
 * - `label` is the category id. `color` and `name` are Tracemark's own keys, which spaCy's
 *   EntityRuler/SpanRuler and Prodigy ignore; they make the export round-trip exactly.
 * - A phrase of plain words (letters and digits) is written as a token pattern of `lower`
 *   attributes, one per word, which matches case-insensitively as Tracemark does; any other
 *   phrase ("double-check", "let's verify") is written as a string (phrase) pattern, since
 *   spaCy's tokenizer splits punctuation in ways a token list cannot foresee. For spaCy to match
 *   those case-insensitively, set `phrase_matcher_attr: "LOWER"`.
 * - On import, token patterns are read from `lower`/`orth`/`text` (either case); tokens are
 *   joined by a space, except around `-` and before `'s`-style suffixes ("let", "'s" -> "let's").
 *   Any other token attribute (POS, OP, ...) cannot be a lexicon phrase: the line is rejected.
 */
import type { Lexicon, LexiconCategory } from '../traces/trace-model'
import { CATEGORY_PALETTE } from './lexicon-edit'

export interface PatternLine {
  label: string
  pattern: string | { lower: string }[]
  color: string
  name: string
}

const PLAIN_WORDS = /^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u

export function toPatternsJsonl(lexicon: Lexicon): string {
  const lines: string[] = []
  for (const category of lexicon.categories) {
    for (const phrase of category.phrases) {
      const clean = phrase.trim().replace(/\s+/g, ' ')
      const line: PatternLine = {
        label: category.id,
        pattern: PLAIN_WORDS.test(clean)
          ? clean.split(' ').map((word) => ({ lower: word.toLowerCase() }))
          : clean,
        color: category.color,
        name: category.name,
      }
      lines.push(JSON.stringify(line))
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`
}

export class PatternsParseError extends Error {
  constructor(
    readonly lineNumber: number,
    problem: string,
  ) {
    super(`line ${lineNumber}: ${problem}`)
    this.name = 'PatternsParseError'
  }
}

const TEXT_KEYS = ['lower', 'LOWER', 'orth', 'ORTH', 'text', 'TEXT']

function tokenText(token: unknown, lineNumber: number): string {
  const keys = typeof token === 'object' && token !== null ? Object.keys(token) : []
  const key = keys.length === 1 ? keys[0] : undefined
  const value =
    key !== undefined && TEXT_KEYS.includes(key)
      ? (token as Record<string, unknown>)[key]
      : undefined
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PatternsParseError(
      lineNumber,
      `a token must be {"lower": "<word>"} (or orth/text), got ${JSON.stringify(token)}`,
    )
  }
  return value.trim()
}

/** Joins spaCy-style tokens back into the text they came from. */
export function joinTokens(tokens: readonly string[]): string {
  let out = ''
  for (const [i, token] of tokens.entries()) {
    const glue =
      i === 0 || token === '-' || tokens[i - 1] === '-' || /^(?:['’]\p{L}+|n['’]t)$/iu.test(token)
    out += glue ? token : ` ${token}`
  }
  return out
}

function phraseOf(pattern: unknown, lineNumber: number): string {
  if (typeof pattern === 'string' && pattern.trim() !== '')
    return pattern.trim().replace(/\s+/g, ' ')
  if (Array.isArray(pattern) && pattern.length > 0)
    return joinTokens(pattern.map((token) => tokenText(token, lineNumber)))
  throw new PatternsParseError(lineNumber, '"pattern" must be a non-empty string or token list')
}

/** Reads a patterns file into a lexicon; categories in order of first appearance. */
export function parsePatternsJsonl(text: string, id: string, name: string): Lexicon {
  const categories = new Map<string, LexiconCategory>()
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  for (const [index, raw] of lines.entries()) {
    const lineNumber = index + 1
    if (raw.trim() === '') continue
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      throw new PatternsParseError(lineNumber, 'not valid JSON')
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new PatternsParseError(lineNumber, 'expected an object with "label" and "pattern"')
    const row = json as Record<string, unknown>
    if (typeof row.label !== 'string' || row.label.trim() === '')
      throw new PatternsParseError(lineNumber, '"label" must be a non-empty string')
    const phrase = phraseOf(row.pattern, lineNumber)
    const label = row.label.trim()
    let category = categories.get(label)
    if (category === undefined) {
      const color =
        typeof row.color === 'string' && /^#[0-9a-f]{6}$/i.test(row.color)
          ? row.color
          : (CATEGORY_PALETTE[categories.size % CATEGORY_PALETTE.length] ?? '#fff3a3')
      category = {
        id: label,
        name: typeof row.name === 'string' && row.name.trim() !== '' ? row.name : label,
        color,
        phrases: [],
      }
      categories.set(label, category)
    }
    if (!category.phrases.includes(phrase)) category.phrases.push(phrase)
  }
  if (categories.size === 0)
    throw new PatternsParseError(lines.length, 'the file holds no patterns')
  return { id, name, categories: [...categories.values()] }
}
