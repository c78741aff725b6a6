/**
 * Label chips at the start of spans, in a layer of their own over a rendered text. The text's
 * DOM stays plain text nodes (offsets are a contract), so a chip cannot sit in the text: it is
 * placed at the first box of its span's start (`Range.getClientRects`). Only spans that start in
 * the band being painted (the chunks near the screen, see viewport.ts) get one, so a trace with
 * thousands of spans costs a screenful of chips; before printing, every span gets one, measured
 * at the print width (`printing` on the wrapper, the same width as the print style). The layer
 * is aria-hidden (the span list is the accessible view) and takes no pointer events, so a drag
 * selects the text through it.
 */
import { pointAt, rangeFor, type ChunkIndex } from './dom-offsets'
import type { HighlightMark } from './highlight-layer'
import { markKey } from './highlight-painter'
import { firstStartingFrom } from '../../lib/annotate/cursor-moves'

/** The spans to mark with a chip, and each one's chip. */
export interface SpanChips {
  /** Sorted by start. */
  marks: readonly HighlightMark[]
  /** The chip of `marks[i]`: its text (a label's name) and colour. */
  chipOf: (i: number) => { text: string; color: string }
}

/** Most chips drawn on screen at once (a band of text never holds more starts in practice). */
export const MAX_SCREEN_CHIPS = 400
/** A chip's width guessed from its text (see .span-chip), so that chips on a line do not stack. */
const CHAR_PX = 5.6
const MAX_CHARS = 14

/** Indexes [from, to) of the marks whose start is in [start, end): two binary searches. */
export function marksStartingIn(
  marks: readonly HighlightMark[],
  start: number,
  end: number,
): [number, number] {
  const from = firstStartingFrom(marks, start)
  return [from, Math.max(from, firstStartingFrom(marks, end))]
}

interface Placed {
  key: string
  text: string
  color: string
  x: number
  y: number
}

/**
 * Draws chips into `layer`: a zero-size box at the text's top left corner (absolutely placed at
 * its static position, so that no ancestor of the text has to become positioned: the compare
 * panes' scroller stays the offset parent of the text's sections).
 */
export class ChipPainter {
  private shown = new Map<string, HTMLElement>()
  /**
   * Where each chip of the last paint was measured (by span and start, before chips on one line
   * are moved apart), relative to the layer: a paint for new chips alone (`sameLayout`) measures
   * only the spans it has not placed yet.
   */
  private boxes = new Map<string, { x: number; y: number }>()

  constructor(
    private readonly layer: HTMLElement,
    private readonly index: ChunkIndex,
  ) {}

  /**
   * Chips for the marks starting in [start, end), at most `limit`; the others go. `sameLayout`:
   * the text has not moved or reflowed since the last paint (only `chips` changed: a span added,
   * removed or relabelled), so the chips measured then stay where they were.
   */
  paint(
    chips: SpanChips | null,
    start: number,
    end: number,
    limit = MAX_SCREEN_CHIPS,
    sameLayout = false,
  ): void {
    const placed = chips ? this.measure(chips, start, end, limit, sameLayout) : []
    // Writes only after every read: one layout for the whole band.
    const next = new Map<string, HTMLElement>()
    const added: HTMLElement[] = []
    for (const p of placed) {
      let el = this.shown.get(p.key)
      if (!el) {
        el = document.createElement('span')
        el.className = 'span-chip'
        added.push(el)
      }
      if (el.textContent !== p.text) el.textContent = p.text
      if (el.dataset.color !== p.color) {
        el.dataset.color = p.color
        el.style.backgroundColor = p.color
      }
      el.style.transform = `translate(${p.x}px, ${p.y}px)`
      next.set(p.key, el)
    }
    for (const [key, el] of this.shown) if (!next.has(key)) el.remove()
    if (added.length > 0) this.layer.append(...added)
    this.shown = next
  }

  clear(): void {
    this.layer.replaceChildren()
    this.shown.clear()
    this.boxes.clear()
  }

  private measure(
    chips: SpanChips,
    start: number,
    end: number,
    limit: number,
    sameLayout: boolean,
  ): Placed[] {
    const [from, to] = marksStartingIn(chips.marks, start, end)
    const known = sameLayout ? this.boxes : new Map<string, { x: number; y: number }>()
    const boxes = new Map<string, { x: number; y: number }>()
    let origin: DOMRect | undefined
    const placed: Placed[] = []
    const keys = new Set<string>()
    let lineTop = Number.NaN
    let lineRight = -Infinity
    const rendered = new Map<Element, boolean>()
    for (let i = from; i < to && placed.length < limit; i++) {
      const mark = chips.marks[i]!
      const key = markKey(mark)
      if (keys.has(key)) continue
      const at = `${key}@${mark.start}`
      let box = known.get(at)
      if (!box) {
        if (!isRendered(pointAt(this.index, mark.start)?.node.parentElement, rendered)) continue
        // Two code units: the first character even when it is astral, and never a whole long span.
        const range = rangeFor(this.index, mark.start, Math.min(mark.end, mark.start + 2))
        const rect = range?.getClientRects()[0]
        if (!rect || (rect.width === 0 && rect.height === 0)) continue
        origin ??= this.layer.getBoundingClientRect()
        box = { x: rect.left - origin.left, y: rect.top - origin.top }
      }
      boxes.set(at, box)
      const { text, color } = chips.chipOf(i)
      const y = box.y
      let x = box.x
      // Chips of one line side by side, not on top of each other.
      if (Math.abs(y - lineTop) < 1 && x < lineRight) x = lineRight
      lineTop = y
      lineRight = x + Math.min(text.length, MAX_CHARS) * CHAR_PX + 8
      keys.add(key)
      placed.push({ key, text, color, x, y })
    }
    this.boxes = boxes
    return placed
  }
}

/**
 * Whether the chunk `el` is rendered: not inside a section whose content `content-visibility:
 * auto` skips (off the screen). Measuring a range there makes the browser lay that section out
 * for the one measure and drop it again, a style and layout pass per chip (~2.5 ms each, most of
 * the chips' cost when a trace opens). Its chips are placed once the section is rendered
 * (useSpanChips listens for `contentvisibilityautostatechange`). Answered once per chunk.
 */
function isRendered(el: Element | null | undefined, known: Map<Element, boolean>): boolean {
  if (!el) return false
  let rendered = known.get(el)
  if (rendered === undefined) {
    rendered =
      typeof el.checkVisibility !== 'function' ||
      el.checkVisibility({ contentVisibilityAuto: true })
    known.set(el, rendered)
  }
  return rendered
}
