/**
 * Segmentation of a trace (DESIGN.md section 4), in UTF-16 offsets into the original text:
 * - a *step* is a paragraph: text between blank lines (lines holding only white space),
 *   trimmed, never empty;
 * - a *sentence* ends after `.`, `?` or `!` (with any closing quotes or brackets) followed by
 *   white space, and at every step boundary. A piece under 10 characters is merged into the
 *   next piece of its step (the last piece of a step, into the one before), as the Thought
 *   Anchors chunker does, so "Hmm." or "Wait." is not a sentence of its own.
 */
import { isWhitespaceCode } from '../char-classes'

export interface Segment {
  start: number
  end: number
}

const BLANK_LINE = /\n\s*\n/g
const SENTENCE_END = /[.?!]+["'”’)\]]*(?=\s)/g
const MIN_SENTENCE = 10

/** Pushes `text.slice(start, end)` trimmed of white space, unless nothing is left. */
function pushTrimmed(segments: Segment[], text: string, start: number, end: number): void {
  let s = start
  let e = end
  while (s < e && isWhitespaceCode(text.charCodeAt(s))) s++
  while (e > s && isWhitespaceCode(text.charCodeAt(e - 1))) e--
  if (e > s) segments.push({ start: s, end: e })
}

export function segmentSteps(text: string): Segment[] {
  const steps: Segment[] = []
  let from = 0
  BLANK_LINE.lastIndex = 0
  for (let m = BLANK_LINE.exec(text); m !== null; m = BLANK_LINE.exec(text)) {
    pushTrimmed(steps, text, from, m.index)
    from = m.index + m[0].length
  }
  pushTrimmed(steps, text, from, text.length)
  return steps
}

/**
 * Merges the pieces of one step as they come, into `sentences`: a piece under MIN_SENTENCE
 * characters waits to be joined to the next piece of the step; the last waiting piece of a step
 * joins the sentence before it, or stands alone if the step has none. No piece objects are
 * made (this runs over every sentence of 100,000 traces at import).
 */
class SentenceMerger {
  private pendingStart = -1
  private stepFirst = 0
  /** Sentences so far; with `sentences` null only this is kept (metrics need no segments). */
  count = 0

  constructor(private readonly sentences: Segment[] | null) {}

  startStep(): void {
    this.stepFirst = this.count
  }

  /** The trimmed piece [start, end). */
  add(start: number, end: number): void {
    const from = this.pendingStart >= 0 ? this.pendingStart : start
    if (end - from < MIN_SENTENCE) this.pendingStart = from
    else {
      this.sentences?.push({ start: from, end })
      this.count++
      this.pendingStart = -1
    }
  }

  /** Ends the step whose last piece ended at `end`. */
  endStep(end: number): void {
    if (this.pendingStart < 0) return
    if (this.count > this.stepFirst) {
      const previous = this.sentences?.[this.sentences.length - 1]
      if (previous !== undefined) previous.end = end
    } else {
      this.sentences?.push({ start: this.pendingStart, end })
      this.count++
    }
    this.pendingStart = -1
  }
}

/** Trims [start, end) of white space and hands a non-empty piece to the merger; returns its end. */
function addTrimmed(merger: SentenceMerger, text: string, start: number, end: number): number {
  let s = start
  let e = end
  while (s < e && isWhitespaceCode(text.charCodeAt(s))) s++
  while (e > s && isWhitespaceCode(text.charCodeAt(e - 1))) e--
  if (e > s) merger.add(s, e)
  return e > s ? e : -1
}

/** Sentences of `text`; pass the steps when they are already known. One scan of the text. */
export function segmentSentences(
  text: string,
  steps: readonly Segment[] = segmentSteps(text),
): Segment[] {
  const sentences: Segment[] = []
  mergeSentences(text, steps, new SentenceMerger(sentences))
  return sentences
}

/** How many sentences segmentSentences would return, by the same code, without making them. */
export function countSentences(text: string, steps: readonly Segment[] = segmentSteps(text)) {
  const merger = new SentenceMerger(null)
  mergeSentences(text, steps, merger)
  return merger.count
}

function mergeSentences(text: string, steps: readonly Segment[], merger: SentenceMerger): void {
  // `test` and `lastIndex` (the end of a match) allocate nothing, unlike `exec`.
  SENTENCE_END.lastIndex = 0
  const nextEnd = () => (SENTENCE_END.test(text) ? SENTENCE_END.lastIndex : Infinity)
  let end = nextEnd()
  for (const step of steps) {
    merger.startStep()
    let from = step.start
    let lastPieceEnd = -1
    for (; end < step.end; end = nextEnd()) {
      if (end <= step.start) continue
      const pieceEnd = addTrimmed(merger, text, from, end)
      if (pieceEnd >= 0) lastPieceEnd = pieceEnd
      from = end
    }
    const pieceEnd = addTrimmed(merger, text, from, step.end)
    if (pieceEnd >= 0) lastPieceEnd = pieceEnd
    merger.endStep(lastPieceEnd)
  }
}
