/**
 * The one compiled matcher of the analysis: the phrases of a lexicon AND the backtracking markers
 * in one trie over case-folded UTF-16 code units, walked by `scanText` (one-pass.ts) from the
 * positions where a phrase can start.
 *
 * It finds exactly what the `gi` scan expression of phrase-pattern.ts (`trieAlternation`) finds,
 * for each of the two phrase sets on its own:
 * - a character matches an edge when both fold alike as the `i` flag without `u` folds them
 *   (ECMA-262 Canonicalize: the upper case when that is one code unit and does not turn a
 *   non-ASCII character into an ASCII one); `'` and `’` are one edge; white space in a phrase
 *   is one edge that takes a whole run of white space (`\s+`);
 * - a phrase whose first (last) character is an ASCII word character needs an ASCII `\b` before
 *   (after) it;
 * - at a position, the longest phrase of the set whose boundaries hold wins (the regex tries the
 *   children of a trie node before ending there).
 * The Unicode re-check of each match and the exact fallback stay in one-pass.ts, as before.
 */
import type { CompiledLexicon } from './match-pivots'

/** No phrase ends at the node / one ends there / one ends there and needs `\b` after it. */
export const NO_END = 0
export const END = 1
export const END_BOUNDED = 2

/** Where a node's end for the backtracking markers sits in `PhraseTrie.ends`. */
export const MARKER_SHIFT = 2

/** Key of the white-space edge (a literal space never appears in a phrase key otherwise). */
export const SPACE_KEY = 0x20
const APOSTROPHE_KEY = 0x27
const ASCII = 0x80

export interface PhraseTrie {
  /** Child of node n by ASCII key k at `ascii[n * 128 + k]`; 0 (the root) means none. */
  readonly ascii: Int32Array
  /** Children by non-ASCII key, at `node * 0x10000 + key`. */
  readonly other: ReadonlyMap<number, number>
  /** 1 where a node has a child in `other`. */
  readonly hasOther: Uint8Array
  /**
   * Per node: NO_END, END or END_BOUNDED for the lexicon's phrases (bits 0-1) and for the
   * backtracking markers (bits 2-3, `MARKER_SHIFT`).
   */
  readonly ends: Uint8Array
  /**
   * Per node: the index in `entries` of the lexicon's one phrase that ends there, or -1 (none,
   * or two phrases that fold alike: then the matched text tells, `entryOf`).
   */
  readonly pivotEntry: Int32Array
  /** The same for the backtracking markers. */
  readonly markerEntry: Int32Array
  /** The root has a child that needs no `\b` before it (a phrase starting with `?`, `é`, `答`...). */
  readonly freeRoot: boolean
  /**
   * A filter of word starts: bit L of `starts[c1 * 128 + c2]` is set when some phrase starts with
   * the ASCII code units c1 c2 of the text (folded, white space as the space key) and its first
   * run of ASCII letters and digits is L long (31 or more: bit 31; a one-character phrase sets
   * bit 1 for every c2). A phrase starting with an ASCII letter
   * needs `\b` before it, so in the text it can only start where a run of exactly that length
   * starts: "the" never tries "therefore", "an" never tries "another". Most word starts stop here.
   */
  readonly starts: Int32Array
}

const isAsciiLetterOrDigitKey = (key: number) =>
  (key >= 0x30 && key <= 0x39) || (key >= 0x41 && key <= 0x5a) || (key >= 0x61 && key <= 0x7a)

/** Bit L (at most 31) of a run-length mask. */
export const runBit = (length: number) => 1 << (length > 31 ? 31 : length)

const isAsciiWordCode = (code: number) =>
  (code >= 0x61 && code <= 0x7a) ||
  (code >= 0x41 && code <= 0x5a) ||
  (code >= 0x30 && code <= 0x39) ||
  code === 0x5f

/** ECMA-262 Canonicalize (non-Unicode ignoreCase) of one code unit. */
function canonicalize(code: number): number {
  const upper = String.fromCharCode(code).toUpperCase()
  if (upper.length !== 1) return code
  const folded = upper.charCodeAt(0)
  return code >= ASCII && folded < ASCII ? code : folded
}

const isAsciiSpace = (code: number) => /\s/.test(String.fromCharCode(code))

/** Keys of the text's ASCII code units: folded, and white space the space key. */
export const ASCII_KEY = Int32Array.from({ length: ASCII }, (_, code) =>
  isAsciiSpace(code) ? SPACE_KEY : canonicalize(code),
)
ASCII_KEY[APOSTROPHE_KEY] = APOSTROPHE_KEY

const otherKeys = new Int32Array(0x10000).fill(-1)

/** The key of a non-ASCII, non-white-space code unit of the text. */
export function otherKey(code: number): number {
  if (code === 0x2019) return APOSTROPHE_KEY
  let key = otherKeys[code]!
  if (key < 0) {
    key = canonicalize(code)
    otherKeys[code] = key
  }
  return key
}

/** A table by pairs of keys as one by pairs of the text's ASCII code units (read as keys). */
const byCodeUnits = (byKeys: Int32Array) =>
  Int32Array.from(
    { length: ASCII * ASCII },
    (_, i) => byKeys[ASCII_KEY[i >> 7]! * ASCII + ASCII_KEY[i & (ASCII - 1)]!]!,
  )

/** Keys of a phrase (trimmed, runs of white space as one space), one per code unit. */
function phraseKeys(phrase: string): number[] {
  const words = phrase.trim().split(/\s+/).join(' ')
  const keys: number[] = []
  for (let i = 0; i < words.length; i++) {
    const code = words.charCodeAt(i)
    if (code === SPACE_KEY) keys.push(SPACE_KEY)
    else if (code === APOSTROPHE_KEY || code === 0x2019) keys.push(APOSTROPHE_KEY)
    else keys.push(canonicalize(code))
  }
  return keys
}

const NONE = -1
const AMBIGUOUS = -2

const built = new WeakMap<CompiledLexicon, PhraseTrie>()

/** The trie of `lexicon`'s phrases and `markers`' phrases, built once per compiled lexicon. */
export function phraseTrie(lexicon: CompiledLexicon, markers: CompiledLexicon): PhraseTrie {
  let trie = built.get(lexicon)
  if (trie === undefined) {
    trie = buildTrie(lexicon, markers)
    built.set(lexicon, trie)
  }
  return trie
}

function buildTrie(lexicon: CompiledLexicon, markers: CompiledLexicon): PhraseTrie {
  const ascii: number[] = []
  const other = new Map<number, number>()
  const hasOther: number[] = []
  const pivotEnd: number[] = []
  const markerEnd: number[] = []
  const pivotEntry: number[] = []
  const markerEntry: number[] = []
  const addNode = () => {
    for (let k = 0; k < ASCII; k++) ascii.push(0)
    hasOther.push(0)
    pivotEnd.push(NO_END)
    markerEnd.push(NO_END)
    pivotEntry.push(NONE)
    markerEntry.push(NONE)
    return hasOther.length - 1
  }
  addNode()
  const starts = new Int32Array(ASCII * ASCII)
  const insert = (phrase: string, index: number, ends: number[], entries: number[]) => {
    const keys = phraseKeys(phrase)
    let run = 0
    while (run < keys.length && isAsciiLetterOrDigitKey(keys[run]!)) run++
    const [k1, k2] = keys
    if (k1 !== undefined && k1 < ASCII) {
      if (k2 === undefined) for (let k = 0; k < ASCII; k++) starts[k1 * ASCII + k]! |= runBit(1)
      else if (k2 < ASCII) starts[k1 * ASCII + k2]! |= runBit(run)
    }
    let node = 0
    for (const key of keys) {
      let child = key < ASCII ? ascii[node * ASCII + key]! : (other.get(node * 0x10000 + key) ?? 0)
      if (child === 0) {
        child = addNode()
        if (key < ASCII) ascii[node * ASCII + key] = child
        else {
          other.set(node * 0x10000 + key, child)
          hasOther[node] = 1
        }
      }
      node = child
    }
    if (node === 0) return
    // The first phrase (longest first, then lexicon order) to end at a node decides its boundary.
    if (ends[node] === NO_END) {
      ends[node] = isAsciiWordCode(phrase.trim().charCodeAt(phrase.trim().length - 1))
        ? END_BOUNDED
        : END
    }
    entries[node] = entries[node] === NONE ? index : AMBIGUOUS
  }
  lexicon.entries.forEach((entry, i) => insert(entry.phrase, i, pivotEnd, pivotEntry))
  markers.entries.forEach((entry, i) => insert(entry.phrase, i, markerEnd, markerEntry))
  const known = (index: number) => (index === AMBIGUOUS ? -1 : index)
  let freeRoot = false
  for (const key of other.keys()) if (key < 0x10000) freeRoot = true
  for (let k = 0; k < ASCII; k++) if (ascii[k] !== 0 && !isAsciiWordCode(k)) freeRoot = true
  return {
    ascii: Int32Array.from(ascii),
    other,
    hasOther: Uint8Array.from(hasOther),
    ends: Uint8Array.from(pivotEnd, (end, node) => end | (markerEnd[node]! << MARKER_SHIFT)),
    pivotEntry: Int32Array.from(pivotEntry, known),
    markerEntry: Int32Array.from(markerEntry, known),
    freeRoot,
    starts: byCodeUnits(starts),
  }
}
