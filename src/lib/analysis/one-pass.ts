/**
 * The analysis of a text in ONE walk over its UTF-16 code units (issue #14): pivots (the
 * lexicon's phrases), backtracking markers, words, steps and sentences are all found in the same
 * loop, with one compiled matcher for the phrases and the markers (phrase-trie.ts). Definitions:
 * match-pivots.ts (pivots), backtracks.ts, segment.ts (steps, sentences) and the word rule below;
 * the README's "Definitions" section says the same in prose.
 *
 * Words: a run of non-space characters holding a letter or digit; each Han, kana or hangul
 * character is a word of its own and also ends the run before it ("chain利益" is three words).
 *
 * The results are identical to the earlier separate passes (regular expressions per concern) on
 * every real fixture and on random texts (one-pass.test.ts).
 */
import type { Backtrack } from './backtracks'
import { BACKTRACK_MARKERS, joinBacktracks } from './backtracks'
import { isCjkCharAt, isLetterOrDigitAt, isWhitespaceCode } from './char-classes'
import type { CompiledLexicon, PivotMatch } from './match-pivots'
import { compileLexicon, entryOf, hasWordBoundaries } from './match-pivots'
import {
  ASCII_KEY,
  END_BOUNDED,
  MARKER_SHIFT,
  NO_END,
  SPACE_KEY,
  otherKey,
  phraseTrie,
  runBit,
  type PhraseTrie,
} from './phrase-trie'
import type { Segment } from './segment'
import { SentenceMerger } from './segment'

export interface TextScan {
  pivots: PivotMatch[]
  /** Backtracking markers as matched (a lexicon of their own), before joining into backtracks. */
  markers: PivotMatch[]
  steps: Segment[]
  /** The sentences, or null when only their number was asked for. */
  sentences: Segment[] | null
  sentenceCount: number
  backtracks: Backtrack[]
  words: number
}

export const MARKERS: CompiledLexicon = compileLexicon({
  id: 'backtrack-markers',
  name: 'Backtracking markers',
  categories: [{ id: 'backtrack', name: 'Backtrack', color: '', phrases: [...BACKTRACK_MARKERS] }],
})

const NO_LEXICON: CompiledLexicon = compileLexicon({ id: 'none', name: 'None', categories: [] })

// ASCII classes, one table: bit 1 letter or digit, bit 2 white space, bit 4 ASCII word (`\b`),
// bit 8 sentence punctuation `.?!`, bit 16 closing quote or bracket.
const LETTER_OR_DIGIT = 1
const SPACE = 2
const WORD = 4
const PUNCT = 8
const CLOSER = 16
// Indexed by byte: 0 for every byte of a multi-byte UTF-8 sequence.
const BYTE_CLASS = Uint8Array.from({ length: 0x100 }, (_, code) => {
  const ch = String.fromCharCode(code)
  let c = 0
  if (code >= 0x80) return c
  if (/[A-Za-z0-9]/.test(ch)) c |= LETTER_OR_DIGIT
  if (/\s/.test(ch)) c |= SPACE
  if (/\w/.test(ch)) c |= WORD
  if (/[.?!]/.test(ch)) c |= PUNCT
  if (/["')\]]/.test(ch)) c |= CLOSER
  return c
})
const isCloserCode = (code: number) =>
  code < 0x80 ? (BYTE_CLASS[code]! & CLOSER) !== 0 : code === 0x201d || code === 0x2019

// Word classes of non-ASCII BMP code units (not surrogates), filled as they are met.
const UNKNOWN = 0
const W_SPACE = 1
const W_CJK = 2
const W_LETTER = 3
const W_OTHER = 4
const wordClasses = new Uint8Array(0x10000)

function wordClass(text: string, i: number, code: number): number {
  let c = wordClasses[code]!
  if (c === UNKNOWN) {
    c = isWhitespaceCode(code)
      ? W_SPACE
      : isCjkCharAt(text, i)
        ? W_CJK
        : isLetterOrDigitAt(text, i)
          ? W_LETTER
          : W_OTHER
    wordClasses[code] = c
  }
  return c
}

const isAsciiWordAt = (text: string, i: number) => {
  const code = text.charCodeAt(i)
  return code < 0x80 && (BYTE_CLASS[code]! & WORD) !== 0
}

/** The bits of one phrase set's end in `PhraseTrie.ends`. */
const END_MASK = (1 << MARKER_SHIFT) - 1

/** One match of one phrase set, with the state of its scan (non-overlapping, left to right). */
class PhraseScan {
  readonly matches: PivotMatch[] = []
  /** Where the next match may start; Infinity once the exact fallback found none. */
  next = 0

  constructor(private readonly compiled: CompiledLexicon) {
    if (compiled.scan === null) this.next = Infinity
  }

  /**
   * The scan expression matched [start, end): check it as match-pivots.ts always has. `entry` is
   * the index of the phrase that ends at the match's trie node, or -1 when the text must tell.
   */
  accept(text: string, start: number, end: number, entry: number): void {
    const { compiled } = this
    let s = start
    let e = end
    if (!hasWordBoundaries(text, s, e)) {
      // Rare (a Latin letter such as "é" next to the match): redo this stretch exactly.
      const exact = compiled.exact!
      exact.lastIndex = s
      const m = exact.exec(text)
      if (m === null) {
        this.next = Infinity
        return
      }
      s = m.index
      e = s + m[0].length
      entry = -1
    }
    const { categoryId, phrase } =
      entry >= 0 ? compiled.entries[entry]! : entryOf(compiled, text, s, text.slice(s, e))
    this.matches.push({ start: s, end: e, categoryId, phrase })
    this.next = e
  }
}

/**
 * Walks the trie from `start` and hands the longest match of each phrase set that may match
 * there (its boundaries holding) to that set, if that set looks for a match there.
 */
function matchAt(
  text: string,
  start: number,
  trie: PhraseTrie,
  pivots: PhraseScan,
  markers: PhraseScan,
): void {
  const n = text.length
  const { ascii, ends } = trie
  /** The bits of `ends` of the sets that look for a match here. */
  const want =
    (start >= pivots.next ? END_MASK : 0) | (start >= markers.next ? END_MASK << MARKER_SHIFT : 0)
  let pivotEnd = -1
  let markerEnd = -1
  let pivotNode = 0
  let markerNode = 0
  let node = 0
  let i = start
  while (i < n) {
    const code = text.charCodeAt(i)
    const key = code < 0x80 ? ASCII_KEY[code]! : isWhitespaceCode(code) ? SPACE_KEY : otherKey(code)
    let child: number
    if (key < 0x80) child = ascii[node * 0x80 + key]!
    else child = trie.hasOther[node] === 1 ? (trie.other.get(node * 0x10000 + key) ?? 0) : 0
    if (child === 0) break
    if (node === 0 && key < 0x80 && (BYTE_CLASS[key]! & WORD) !== 0) {
      // `\b` before a phrase that starts with an ASCII word character
      if (start > 0 && isAsciiWordAt(text, start - 1)) return
    }
    node = child
    i++
    if (key === SPACE_KEY) while (i < n && isWhitespaceCode(text.charCodeAt(i))) i++
    const end = ends[node]! & want
    if (end !== NO_END) {
      const bounded = i < n && isAsciiWordAt(text, i)
      const p = end & END_MASK
      const m = end >> MARKER_SHIFT
      if (p !== NO_END && !(p === END_BOUNDED && bounded)) {
        pivotEnd = i
        pivotNode = node
      }
      if (m !== NO_END && !(m === END_BOUNDED && bounded)) {
        markerEnd = i
        markerNode = node
      }
    }
  }
  if (pivotEnd >= 0) pivots.accept(text, start, pivotEnd, trie.pivotEntry[pivotNode]!)
  if (markerEnd >= 0) markers.accept(text, start, markerEnd, trie.markerEntry[markerNode]!)
}

/** Steps and sentence pieces as the walk meets them (method calls: once per piece, not per character). */
class Segmenter {
  readonly steps: Segment[] = []
  readonly merger: SentenceMerger
  private stepStart = -1
  private pieceStart = -1

  constructor(sentences: Segment[] | null) {
    this.merger = new SentenceMerger(sentences)
  }

  /**
   * A non-space code unit at `at` after white space holding `newlines` line feeds (or none), a
   * sentence end at `boundary` (or -1) and the last non-space code unit ending at `lastEnd`.
   */
  next(at: number, newlines: number, boundary: number, lastEnd: number): void {
    if (this.stepStart < 0) {
      this.stepStart = at
      this.pieceStart = at
      this.merger.startStep()
    } else if (newlines >= 2) {
      this.end(lastEnd)
      this.stepStart = at
      this.pieceStart = at
      this.merger.startStep()
    } else if (boundary >= 0) {
      this.merger.add(this.pieceStart, boundary)
      this.pieceStart = at
    }
  }

  /** Ends the open step, whose last non-space code unit ends at `lastEnd`. */
  end(lastEnd: number): void {
    if (this.stepStart < 0) return
    this.merger.add(this.pieceStart, lastEnd)
    this.merger.endStep(lastEnd)
    this.steps.push({ start: this.stepStart, end: lastEnd })
  }
}

/**
 * The text as UTF-8, in a buffer reused from walk to walk (one large text's buffer is not kept).
 * The walk reads these bytes rather than the string's code units: an indexed byte costs less
 * than `charCodeAt`, and `encodeInto` is native. An ASCII byte is its code unit; a 2- or 3-byte
 * sequence is one code unit (a lone surrogate is encoded as U+FFFD, also 3 bytes) and a 4-byte
 * sequence is two, so the UTF-16 index is the byte index less the bytes that were not a code unit.
 */
const encoder = new TextEncoder()
let buffer = new Uint8Array(1 << 16)
const KEPT_BUFFER = 1 << 22

function utf8(text: string): { bytes: Uint8Array; length: number } {
  const need = text.length * 3
  let bytes = buffer
  if (bytes.length < need) {
    bytes = new Uint8Array(need)
    if (need <= KEPT_BUFFER) buffer = bytes
  }
  return { bytes, length: encoder.encodeInto(text, bytes).written }
}

/**
 * Everything the analysis finds in `text`, in one walk. With `keepSentences` false the
 * sentences are only counted (the stored metrics need no segment objects).
 *
 * Speed: the walk reads the text's UTF-8 bytes (`utf8`); runs of ASCII letters and digits (most
 * of a trace) and of ASCII white space are skipped by tight inner loops; a phrase is only looked
 * for where one can start. Everything the walk records is a UTF-16 index (`b - d`).
 */
export function scanText(text: string, compiled: CompiledLexicon, keepSentences = true): TextScan {
  const trie = phraseTrie(compiled, MARKERS)
  const pivots = new PhraseScan(compiled)
  const markers = new PhraseScan(MARKERS)
  const sentences: Segment[] | null = keepSentences ? [] : null
  const seg = new Segmenter(sentences)
  const { freeRoot, starts } = trie
  const { bytes, length: m } = utf8(text)

  let words = 0
  let inWord = false
  /** End of the last non-space code unit. */
  let lastEnd = 0
  /** Line feeds in the current run of white space: two or more make a blank line. */
  let newlines = 0
  /** Sentence ends: 0 outside, 1 after `.?!`, 2 after closing quotes or brackets that follow them. */
  let punct = 0
  /** A sentence end (the white space after it) not yet followed by more text of its step. */
  let boundary = -1
  /** Where either phrase set may next start a match. */
  let nextMatch = Math.min(pivots.next, markers.next)
  const match = (at: number) => {
    matchAt(text, at, trie, pivots, markers)
    nextMatch = Math.min(pivots.next, markers.next)
  }

  /** Byte index, and the bytes so far that were not a code unit of their own. */
  let b = 0
  let d = 0
  while (b < m) {
    const c = bytes[b]!
    const cls = BYTE_CLASS[c]!
    if ((cls & LETTER_OR_DIGIT) !== 0) {
      // A run of ASCII letters and digits: one word (so far), no space, no sentence end.
      if (lastEnd === 0 || newlines >= 2 || boundary >= 0) {
        seg.next(b - d, newlines, boundary, lastEnd)
        boundary = -1
      }
      newlines = 0
      punct = 0
      inWord = true
      // Words separated by one space (most of a text) are taken in this loop.
      for (let first = c; ;) {
        const i = b - d
        let j = b + 1
        while (j < m && (BYTE_CLASS[bytes[j]!]! & LETTER_OR_DIGIT) !== 0) j++
        const end = j - d
        if (freeRoot) {
          for (let k = i; k < end; k++) if (k >= nextMatch) match(k)
        } else if (i >= nextMatch) {
          // A word start: does a phrase start with a run of this length and these two characters?
          const second = b + 1 < m ? bytes[b + 1]! : 0
          if (second >= 0x80 || (starts[(first << 7) | second]! & runBit(j - b)) !== 0) match(i)
        }
        lastEnd = end
        b = j
        // The next word, after one space or after a comma-like character and one space (one
        // that ends no sentence, starts no phrase and is no white space or word character).
        if (j + 1 >= m) break
        const x = bytes[j]!
        let next = j + 1
        if (x !== 0x20) {
          if (freeRoot || x >= 0x80 || (BYTE_CLASS[x]! & ~CLOSER) !== 0) break
          if (bytes[j + 1] !== 0x20 || j + 2 >= m) break
          next = j + 2
        }
        first = bytes[next]!
        if ((BYTE_CLASS[first]! & LETTER_OR_DIGIT) === 0) break
        words++
        b = next
      }
      continue
    }
    if ((cls & SPACE) !== 0) {
      // A run of ASCII white space.
      if (inWord) words++
      inWord = false
      if (punct !== 0) boundary = b - d
      punct = 0
      let j = b
      while (j < m) {
        const x = bytes[j]!
        if ((BYTE_CLASS[x]! & SPACE) === 0) break
        if (x === 0x0a) newlines++
        j++
      }
      b = j
      continue
    }

    // Any other character, one code unit at a time (a 4-byte sequence is a surrogate pair).
    const first = b - d
    let last = first
    if (c < 0x80) b++
    else if (c < 0xe0) {
      b += 2
      d += 1
    } else if (c < 0xf0) {
      b += 3
      d += 2
    } else {
      b += 4
      d += 2
      last++
    }
    for (let i = first; i <= last; i++) {
      const code = c < 0x80 ? c : text.charCodeAt(i)
      const ucls = code < 0x80 ? cls : 0
      if ((freeRoot || (ucls & WORD) !== 0) && i >= nextMatch) match(i)
      let space = false
      if (code >= 0x80 && !(code >= 0xdc00 && code <= 0xdfff)) {
        // (the low half of a pair was classified with its high half)
        const w = code >= 0xd800 && code <= 0xdbff ? astralClass(text, i) : wordClass(text, i, code)
        space = w === W_SPACE
        if (space || w === W_CJK) {
          if (inWord) words++
          inWord = false
          if (w === W_CJK) words++
        } else if (w === W_LETTER) inWord = true
      }
      if (space) {
        if (punct !== 0) boundary = i
        punct = 0
        continue
      }
      if (lastEnd === 0 || newlines >= 2 || boundary >= 0) {
        seg.next(i, newlines, boundary, lastEnd)
        boundary = -1
      }
      newlines = 0
      lastEnd = i + 1
      if ((ucls & PUNCT) !== 0) punct = 1
      else if (punct !== 0 && isCloserCode(code)) punct = 2
      else punct = 0
    }
  }
  if (inWord) words++
  seg.end(lastEnd)

  const { steps, merger } = seg
  lastSteps = { text, steps }
  return {
    pivots: pivots.matches,
    markers: markers.matches,
    steps,
    sentences,
    sentenceCount: merger.count,
    backtracks: joinBacktracks(text, markers.matches, steps, pivots.matches),
    words,
  }
}

/** Word class of the code point starting with a high surrogate at `i` (or a lone one). */
function astralClass(text: string, i: number): number {
  if (isCjkCharAt(text, i)) return W_CJK
  return isLetterOrDigitAt(text, i) ? W_LETTER : W_OTHER
}

// Each concern on its own, by the same walk: the definitions' unit tests and the callers that
// need one answer.

/** All phrase matches of `compiled` in `text`, sorted by start, non-overlapping. */
export const findPivots = (text: string, compiled: CompiledLexicon): PivotMatch[] =>
  scanText(text, compiled, false).pivots

/**
 * The steps of the text walked last. Steps do not depend on the lexicon (a test holds it on the
 * real fixtures), so the reader's blocks (segmentSteps) reuse the walk its analysis has just
 * made of the same text instead of walking 200,000 characters again (#14).
 */
let lastSteps: { text: string; steps: readonly Segment[] } | null = null

export const segmentSteps = (text: string): Segment[] =>
  lastSteps?.text === text ? lastSteps.steps.slice() : scanText(text, NO_LEXICON, false).steps

export const segmentSentences = (text: string): Segment[] =>
  scanText(text, NO_LEXICON, true).sentences ?? []

export const countSentences = (text: string): number =>
  scanText(text, NO_LEXICON, false).sentenceCount

export const countWords = (text: string): number => scanText(text, NO_LEXICON, false).words

/** The backtracks of `text` with the pivots of `compiled` (none: NO_LEXICON via `findBacktracks(text)`). */
export const findBacktracks = (text: string, compiled: CompiledLexicon = NO_LEXICON): Backtrack[] =>
  scanText(text, compiled, false).backtracks
