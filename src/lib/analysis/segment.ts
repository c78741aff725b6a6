/**
 * Segmentation of a trace (DESIGN.md section 4), in UTF-16 offsets into the original text:
 * - a *step* is a paragraph: text between blank lines (lines holding only white space),
 *   trimmed, never empty;
 * - a *sentence* ends after `.`, `?` or `!` (with any closing quotes or brackets) followed by
 *   white space, and at every step boundary. A piece under 10 characters is merged into the
 *   next piece of its step (the last piece of a step, into the one before), as the Thought
 *   Anchors chunker does, so "Hmm." or "Wait." is not a sentence of its own.
 */
export interface Segment {
  start: number
  end: number
}

const MIN_SENTENCE = 10

/**
 * Merges the pieces of one step as they come, into `sentences`: a piece under MIN_SENTENCE
 * characters waits to be joined to the next piece of the step; the last waiting piece of a step
 * joins the sentence before it, or stands alone if the step has none. No piece objects are
 * made (this runs over every sentence of 100,000 traces at import).
 */
export class SentenceMerger {
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
