/**
 * The annotation cursor (the current sentence, step or selection of the keyboard) drawn on a
 * canvas over a rendered text, not as a CSS Custom Highlight nor as elements. In Chromium, a
 * frame with any DOM change (a node, an attribute) or any style change rebuilds every custom
 * highlight marker of the page and repaints every highlighted text node on the screen
 * (HighlightRegistry::ValidateHighlightMarkers): about 20 text blocks, most of a cursor move.
 * Drawing on a canvas changes neither, so a cursor move repaints only the boxes it clears and
 * fills.
 * - The canvas is a band of the text (1.5 screens high, the text's width) in a zero-size layer at
 *   the text's top left corner (as the label chips', span-chips.ts): it scrolls with the text, in
 *   the window or a pane. It moves (a style change) only when the cursor leaves it.
 * - The boxes are the line boxes of the cursor's text (`Range.getClientRects` per chunk, so a
 *   block's own box is never one of them), the fragments of one line that touch joined.
 * - The layer element's `drawnCursor` property gives the cursor's offsets as drawn, for tests and
 *   the bench (a property, not an attribute: an attribute is a DOM change, see above).
 */
import { chunkAt, type ChunkIndex } from './dom-offsets'

export interface LineBox {
  x: number
  y: number
  width: number
  height: number
}

export interface CursorRange {
  start: number
  end: number
}

/**
 * How long a cursor stays put before what follows it (the popover by the cursor) is updated, so
 * that the frame of a move changes nothing but the canvas (see the header).
 */
export const RESTED_MS = 150
/** The canvas's height, in screens. */
const BAND_SCREENS = 1.5
/** The line over the cursor's boxes, in CSS pixels. */
const LINE_PX = 2

/** One Range for every measure (each new Range stays live, and slows DOM changes, until GC). */
let scratch: Range | null = null

/**
 * The boxes of the text [start, end) on the screen, relative to `origin` (client coordinates),
 * one per line fragment: the fragments of one line that touch are joined (a line crossing a chunk
 * seam is one box), those that do not (a bidi run between them) stay apart.
 */
export function lineBoxes(
  index: ChunkIndex,
  start: number,
  end: number,
  origin: { left: number; top: number },
): LineBox[] {
  const boxes: LineBox[] = []
  if (end <= start || index.nodes.length === 0) return boxes
  const range = (scratch ??= document.createRange())
  const last = chunkAt(index, end - 1)
  for (let i = chunkAt(index, start); i <= last; i++) {
    const node = index.nodes[i]!
    const base = index.starts[i]!
    const from = Math.max(0, start - base)
    const to = Math.min(node.length, end - base)
    if (to <= from) continue
    range.setStart(node, from)
    range.setEnd(node, to)
    for (const r of range.getClientRects()) {
      if (r.width <= 0 || r.height <= 0) continue
      const box = {
        x: r.left - origin.left,
        y: r.top - origin.top,
        width: r.width,
        height: r.height,
      }
      const prev = boxes[boxes.length - 1]
      if (
        prev &&
        Math.abs(prev.y - box.y) < 1 &&
        Math.abs(prev.height - box.height) < 1 &&
        box.x <= prev.x + prev.width + 1 &&
        box.x + box.width >= prev.x - 1
      ) {
        const left = Math.min(prev.x, box.x)
        prev.width = Math.max(prev.x + prev.width, box.x + box.width) - left
        prev.x = left
      } else boxes.push(box)
    }
  }
  return boxes
}

let layoutRead = false

/**
 * Tells the cursor layers that the page's layout has just been read and that the coming commit
 * changes only the cursor (a key handler that scrolled to it): the next cursor is then drawn in
 * that commit, not in the next frame (see use-text-cursor.ts).
 */
export function cursorLayoutFresh(): void {
  layoutRead = true
}

/** Whether cursorLayoutFresh was called since the last ask (and forgets it). */
export function takeLayoutFresh(): boolean {
  const fresh = layoutRead
  layoutRead = false
  return fresh
}

/** The cursor layer: the cursor drawn in it now, as offsets (null or absent when none). */
export type CursorLayer = HTMLElement & { drawnCursor?: CursorRange | null }

export function drawnCursor(layer: HTMLElement): CursorRange | null {
  return (layer as CursorLayer).drawnCursor ?? null
}

/**
 * Draws the cursor of one rendered text on the canvas in `layer` (see the header). `root` is the
 * text's element, `index` its chunks.
 */
export class CursorCanvas {
  /** Made at the first cursor: most texts (a problem, an answer, a compare pane) never get one. */
  private canvas: HTMLCanvasElement | null = null
  private context: CanvasRenderingContext2D | null = null
  private bandTop = 0
  private width = 0
  private height = 0
  private ratio = 1
  /** The boxes drawn, in canvas coordinates (CSS pixels). */
  private boxes: LineBox[] = []

  constructor(
    private readonly layer: HTMLElement,
    private readonly root: HTMLElement,
    private readonly index: ChunkIndex,
  ) {}

  /**
   * Makes the canvas and its backing store ahead of the first cursor (in idle time after the
   * text opens): the first drawing on a new canvas costs tens of milliseconds, which the first
   * key press should not wait on.
   */
  prepare(): void {
    if (this.canvas) return
    const canvas = this.make()
    const g = this.context
    if (!g) return
    this.resize(canvas)
    g.clearRect(0, 0, 1, 1)
  }

  /** Draws `cursor` (none when null); `reflowed` when the text or the window changed size. */
  draw(cursor: CursorRange | null, reflowed = false): void {
    ;(this.layer as CursorLayer).drawnCursor = cursor
    if (!cursor) {
      if (this.context) this.clear(this.context)
      return
    }
    const canvas = this.make()
    const g = this.context
    if (!g) return
    // Every read before any write.
    const origin = this.layer.getBoundingClientRect()
    const boxes = lineBoxes(this.index, cursor.start, cursor.end, origin)
    const style = getComputedStyle(this.layer)
    const resized = this.resize(canvas, reflowed)
    if (!resized) this.clear(g)
    const { ratio, height } = this
    const top = Math.min(...boxes.map((b) => b.y))
    const bottom = Math.max(...boxes.map((b) => b.y + b.height))
    const outside = boxes.length > 0 && (top < this.bandTop || bottom > this.bandTop + height)
    // Out of the band, the band moves (a style change: that frame repaints the text, see above).
    if (outside) this.bandTop = Math.max(0, Math.round(top - height / 3))
    if (outside) canvas.style.transform = `translateY(${this.bandTop}px)`
    g.setTransform(ratio, 0, 0, ratio, 0, -this.bandTop * ratio)
    g.fillStyle = style.color
    for (const b of boxes) g.fillRect(b.x, b.y, b.width, b.height)
    g.fillStyle = style.outlineColor
    for (const b of boxes) g.fillRect(b.x, b.y, b.width, LINE_PX)
    this.boxes = boxes
  }

  private make(): HTMLCanvasElement {
    if (!this.canvas) {
      this.canvas = document.createElement('canvas')
      this.canvas.className = 'text-cursor-band'
      this.context = this.canvas.getContext('2d')
      this.layer.append(this.canvas)
    }
    return this.canvas
  }

  /** Sizes the canvas to the text's width and the band's height; true when it was (cleared). */
  private resize(canvas: HTMLCanvasElement, force = false): boolean {
    const width = Math.ceil(this.root.getBoundingClientRect().width)
    const height = Math.ceil(window.innerHeight * BAND_SCREENS)
    const ratio = window.devicePixelRatio || 1
    if (!force && width === this.width && height === this.height && ratio === this.ratio) {
      return false
    }
    this.width = width
    this.height = height
    this.ratio = ratio
    canvas.width = Math.round(width * ratio)
    canvas.height = Math.round(height * ratio)
    canvas.style.width = `${width}px`
    canvas.style.height = `${height}px`
    canvas.style.transform = `translateY(${this.bandTop}px)`
    this.boxes = []
    return true
  }

  dispose(): void {
    ;(this.layer as CursorLayer).drawnCursor = null
    this.canvas?.remove()
    this.canvas = null
    this.context = null
  }

  /** Clears the boxes drawn (only them: the canvas repaints only what changed). */
  private clear(g: CanvasRenderingContext2D): void {
    g.setTransform(this.ratio, 0, 0, this.ratio, 0, -this.bandTop * this.ratio)
    for (const b of this.boxes) g.clearRect(b.x - 1, b.y - 1, b.width + 2, b.height + 2)
    this.boxes = []
  }
}
