/**
 * Lexicon matching: all phrases of a lexicon compiled into ONE regular expression, so a text is
 * scanned once whatever the number of phrases (it runs over 100,000 traces at import).
 *
 * What must hold:
 * - case-insensitive, at Unicode-aware word boundaries (char-classes.ts); a phrase edge that is
 *   not a word character (a CJK phrase, "?!") needs no boundary on that side;
 * - the words of a phrase match across any run of white space; `'` also matches `’`;
 * - leftmost match first, then the longest phrase there (alternatives are ordered longest
 *   first); matches never overlap; offsets are UTF-16, end exclusive;
 * - a phrase listed in two categories belongs to the first.
 *
 * Speed: Unicode lookbehinds make V8 scan about 8 times slower (11 against 90 MB/s on the
 * SkyThought fixtures), so the scan uses ASCII `\b` without the `u` flag and each match's
 * neighbours are re-checked by hand (two char codes in the common case). Only where that check
 * fails, e.g. "ohé", is the stretch from that match redone with the exact Unicode expression.
 * The phrase of a match is found by its lower case in a map: no capture groups, no rescans.
 */
import { keepRecent } from '../collections/keep-recent'
import type { Lexicon } from '../traces/trace-model'
import { isWordCharAt, isWordCharBefore } from './char-classes'
import { exactAlternation, phraseKey, phraseSource, trieAlternation } from './phrase-pattern'

export interface PivotMatch {
  start: number
  end: number
  categoryId: string
  /** The phrase as written in the lexicon, not the matched text. */
  phrase: string
}

interface PhraseEntry {
  readonly phrase: string
  readonly categoryId: string
}

export interface CompiledLexicon {
  readonly lexiconId: string
  /** lexiconFingerprint of the lexicon: stored with the metrics to tell stale ones. */
  readonly lexiconHash: string
  /** Category ids in lexicon order. */
  readonly categoryIds: readonly string[]
  /** Phrases longest first: the order of the alternatives. */
  readonly entries: readonly PhraseEntry[]
  /** The scan (flags `gi`, ASCII `\b`, phrases as a trie); null when the lexicon has no phrase. */
  readonly scan: RegExp | null
  /** The same alternation with Unicode boundaries (flags `giu`), run only where the scan's match fails them. */
  readonly exact: RegExp | null
  /** Phrase key (phrase-pattern.ts `phraseKey`) to its entry. */
  readonly byKey: ReadonlyMap<string, PhraseEntry>
  /**
   * Matched text, exactly as written in the trace ("Wait", "Let me  check"), to its entry: a
   * trace repeats a handful of spellings thousands of times, and a hit skips `toLowerCase`.
   * Filled as matches are resolved; bounded, so odd spellings cannot grow it without end.
   */
  readonly bySpelling: Map<string, PhraseEntry>
}

const MAX_SPELLINGS = 4096

/** Lexicons compiled by `compiledLexicon`, by id and fingerprint, the last used last. */
const recentlyCompiled = new Map<string, CompiledLexicon>()
const KEPT_COMPILED = 4

/**
 * `compileLexicon`, kept for the last few lexicons (by id and fingerprint): each view of a trace
 * reads the active lexicon afresh, and compiling it again, with the matcher its first scan
 * builds (phrase-trie.ts), cost ~5 ms of every reader open.
 */
export function compiledLexicon(lexicon: Lexicon): CompiledLexicon {
  const key = `${lexicon.id}\u0000${lexiconFingerprint(lexicon)}`
  const compiled = recentlyCompiled.get(key) ?? compileLexicon(lexicon)
  return keepRecent(recentlyCompiled, key, compiled, KEPT_COMPILED)
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const byKey = new Map<string, PhraseEntry>()
  for (const category of lexicon.categories) {
    for (const raw of category.phrases) {
      const phrase = raw.trim()
      const key = phraseKey(phrase)
      if (key !== '' && !byKey.has(key)) byKey.set(key, { phrase, categoryId: category.id })
    }
  }
  // Array.prototype.sort is stable: equally long phrases keep the lexicon's order.
  const entries = [...byKey.values()].sort((a, b) => b.phrase.length - a.phrase.length)
  const phrases = entries.map((e) => e.phrase)
  const empty = entries.length === 0
  return {
    lexiconId: lexicon.id,
    lexiconHash: lexiconFingerprint(lexicon),
    categoryIds: lexicon.categories.map((c) => c.id),
    entries,
    scan: empty ? null : new RegExp(trieAlternation(phrases), 'gi'),
    exact: empty ? null : new RegExp(exactAlternation(phrases), 'giu'),
    byKey,
    bySpelling: new Map(),
  }
}

/**
 * A short hash (FNV-1a, 32 bits, hex) of what matching depends on: category ids and phrases, in
 * order. Names and colours are left out, so renaming or recolouring needs no recompute.
 */
export function lexiconFingerprint(lexicon: Lexicon): string {
  const text = JSON.stringify(lexicon.categories.map((c) => [c.id, c.phrases]))
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/** Do Unicode word boundaries hold around [start, end)? The scan only checked ASCII `\b`. */
export function hasWordBoundaries(text: string, start: number, end: number): boolean {
  if (start > 0 && isWordCharAt(text, start) && isWordCharBefore(text, start)) return false
  return !(end < text.length && isWordCharBefore(text, end) && isWordCharAt(text, end))
}

/** Case folding of regular expressions and `toLowerCase` differ on a few letters (ſ, K, ς). */
function entryByRegex(compiled: CompiledLexicon, text: string, start: number, end: number) {
  for (const flags of ['iy', 'iuy']) {
    for (const entry of compiled.entries) {
      const re = new RegExp(phraseSource(entry.phrase), flags)
      re.lastIndex = start
      if (re.test(text) && re.lastIndex === end) return entry
    }
  }
  throw new Error(`no phrase of lexicon ${compiled.lexiconId} matches ${start}..${end}`)
}

/** The lexicon entry of a match, by its text (cached per spelling). */
export function entryOf(compiled: CompiledLexicon, text: string, start: number, matched: string) {
  const known = compiled.bySpelling.get(matched)
  if (known !== undefined) return known
  const lower = matched.toLowerCase()
  const entry =
    compiled.byKey.get(lower) ??
    compiled.byKey.get(phraseKey(lower)) ??
    entryByRegex(compiled, text, start, start + matched.length)
  if (compiled.bySpelling.size < MAX_SPELLINGS) compiled.bySpelling.set(matched, entry)
  return entry
}
