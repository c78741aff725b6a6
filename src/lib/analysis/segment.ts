/**
 * Segmentation of a trace (DESIGN.md section 4), in UTF-16 offsets into the original text:
 * - a *step* is a paragraph: text between blank lines (lines holding only white space),
 *   trimmed, never empty;
 * - a *sentence* ends after `.`, `?` or `!` (with any closing quotes or brackets) followed by
 *   white space, and at every step boundary. A piece under 10 characters is merged into the
 *   next piece of its step (the last piece of a step, into the one before), as the Thought
 *   Anchors chunker does, so "Hmm." or "Wait." is not a sentence of its own.
 */
import { isWhitespaceCode } from './char-classes'

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

/** Appends the pieces of one step as sentences, merging those under MIN_SENTENCE characters. */
function mergeShort(pieces: readonly Segment[], sentences: Segment[]): void {
  const first = sentences.length
  let pending: Segment | null = null
  for (const piece of pieces) {
    const current: Segment = pending === null ? piece : { start: pending.start, end: piece.end }
    if (current.end - current.start < MIN_SENTENCE) pending = current
    else {
      sentences.push(current)
      pending = null
    }
  }
  if (pending === null) return
  const previous = sentences.length > first ? sentences[sentences.length - 1] : undefined
  if (previous !== undefined) previous.end = pending.end
  else sentences.push(pending)
}

/** Sentences of `text`; pass the steps when they are already known. One scan of the text. */
export function segmentSentences(
  text: string,
  steps: readonly Segment[] = segmentSteps(text),
): Segment[] {
  const sentences: Segment[] = []
  SENTENCE_END.lastIndex = 0
  let m = SENTENCE_END.exec(text)
  for (const step of steps) {
    const pieces: Segment[] = []
    let from = step.start
    for (; m !== null && m.index + m[0].length < step.end; m = SENTENCE_END.exec(text)) {
      const end = m.index + m[0].length
      if (end <= step.start) continue
      pushTrimmed(pieces, text, from, end)
      from = end
    }
    pushTrimmed(pieces, text, from, step.end)
    mergeShort(pieces, sentences)
  }
  return sentences
}
