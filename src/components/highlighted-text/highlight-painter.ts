/**
 * Draws highlight layers over one rendered text with the CSS Custom Highlight API, paying only
 * for what is on screen and only for what changed:
 * - a range (a `StaticRange`: dom-offsets `highlightRangeFor`) is created for a mark only once a
 *   chunk it touches is painted (the chunks on or near the screen, see `viewport.ts`; `paintAll`
 *   before printing), so opening a trace with thousands of marks costs what one screen of them
 *   costs;
 * - a layer of marks without ids (pivots, backtracks, suggestions: thousands in a long text)
 *   that comes in reading order is not even indexed mark by mark when it first appears: each
 *   chunk holds where its marks begin in the layer, and a mark is made when a chunk it touches
 *   is painted (or when the layer changes, which diffs it mark by mark);
 * - `setLayers` diffs each layer against the last one by mark key (`id`, or the offsets):
 *   unchanged layers (the same `ranges` array) are skipped, existing ranges are kept,
 *   and a new mark is one `Highlight.add`; `CSS.highlights.set` is called once per layer, when
 *   the layer first appears.
 * - a layer that comes and goes (a jump target, the selected span, a label's first span) can be
 *   `reserve`d: its CSS rule is installed with the first layers, since installing a style sheet
 *   later restyles the whole page (and re-lays out the text: ~100 ms at 200,000 characters).
 * The text's DOM must not change while a painter lives (HighlightedText renders it from the
 * text alone); make a new painter for a new text.
 */
import { chunkAt, chunkIndexOf, highlightRangeFor, type ChunkIndex } from './dom-offsets'
import {
  cssIdent,
  highlightRule,
  type HighlightLayer,
  type HighlightMark,
  type LayerLook,
} from './highlight-layer'

/** What the painter needs of `CSS.highlights` (a fake in unit tests). */
export interface HighlightRegistry {
  set(name: string, highlight: Highlight): unknown
  delete(name: string): unknown
}

export interface PainterOptions {
  registry?: HighlightRegistry
  makeHighlight?: () => Highlight
  /** Installs the layers' CSS rules; returns the uninstall. Defaults to an adopted sheet. */
  installRules?: (css: string) => () => void
}

interface Mark {
  key: string
  start: number
  end: number
  first: number
  last: number
  range: AbstractRange | null
  layer: LayerState
}

interface LayerState {
  name: string
  layer: HighlightLayer
  highlight: Highlight
  marks: Map<string, Mark>
  /** Marks not made yet (see the header), or null once every mark is. */
  deferred: Deferred | null
}

interface Deferred {
  /** The layer's marks, by start. */
  ranges: readonly HighlightMark[]
  /** Per chunk, the first of `ranges` starting in it or later; one more entry, ranges.length. */
  at: Int32Array
  /** The longest mark, in characters: how far before a chunk a mark touching it may start. */
  longest: number
}

/** A layer of marks no longer than this may be deferred (see the header). */
const DEFER_LONGEST = 2_000

/** At most this many marks between the unchanged ends of a layer for `diffMiddle`. */
const MIDDLE_MAX = 64

export function markKey(m: HighlightMark): string {
  return m.id ?? `${m.start}:${m.end}`
}

export class HighlightPainter {
  private readonly index: ChunkIndex
  private readonly painted: Uint8Array
  private readonly buckets: Set<Mark>[]
  private readonly layers = new Map<string, LayerState>()
  private readonly registry: HighlightRegistry
  private readonly makeHighlight: () => Highlight
  private readonly installRules: (css: string) => () => void
  private uninstallRules: (() => void) | undefined = undefined
  private readonly rules = new Map<string, string>()
  /** The look of every layer reserved or drawn so far, by highlight name. */
  private readonly looks = new Map<string, LayerLook>()
  private looksChanged = false
  /** Ranges created so far (for tests and the bench). */
  created = 0
  /** Marks made so far (for tests): a deferred layer's, as their chunks are painted. */
  made = 0

  constructor(
    root: HTMLElement,
    private readonly prefix: string,
    options: PainterOptions = {},
  ) {
    this.index = chunkIndexOf(root)
    const n = this.index.starts.length
    this.painted = new Uint8Array(n)
    this.buckets = Array.from({ length: n }, () => new Set<Mark>())
    this.registry = options.registry ?? CSS.highlights
    this.makeHighlight = options.makeHighlight ?? (() => new Highlight())
    this.installRules = options.installRules ?? adoptSheet
  }

  get chunkCount(): number {
    return this.index.starts.length
  }

  isPainted(chunk: number): boolean {
    return this.painted[chunk] === 1
  }

  /** The chunk holding `offset` (the last chunk starting at or before it). */
  chunkAt(offset: number): number {
    return chunkAt(this.index, offset)
  }

  /** Layers that may be drawn later (see the header): their rules go in with the next layers. */
  reserve(looks: readonly LayerLook[]): void {
    for (const look of looks) this.setLook(`${this.prefix}-${cssIdent(look.key)}`, look)
  }

  setLayers(layers: readonly HighlightLayer[]): void {
    const seen = new Set<string>()
    for (const layer of layers) {
      const name = `${this.prefix}-${cssIdent(layer.key)}`
      seen.add(name)
      this.setLook(name, layer)
      let state = this.layers.get(name)
      if (!state) {
        const highlight = this.makeHighlight()
        state = { name, layer, highlight, marks: new Map(), deferred: null }
        this.layers.set(name, state)
        this.registry.set(name, highlight)
        this.diff(state, layer.ranges)
      } else if (state.layer.ranges !== layer.ranges) {
        this.diff(state, layer.ranges)
      }
      state.layer = layer
      state.highlight.priority = layer.priority
    }
    for (const [name, state] of this.layers) {
      if (seen.has(name)) continue
      for (const mark of state.marks.values()) this.unbucket(mark)
      this.registry.delete(name)
      this.layers.delete(name)
    }
    this.updateRules()
  }

  /** Creates the ranges of every mark touching chunks [from, to). */
  paintChunks(from: number, to: number): void {
    const end = Math.min(to, this.painted.length)
    for (let i = Math.max(0, from); i < end; i++) {
      if (this.painted[i]) continue
      this.painted[i] = 1
      for (const state of this.layers.values()) if (state.deferred) this.makeDeferred(state, i)
      for (const mark of this.buckets[i]!) this.materialise(mark)
    }
  }

  paintAll(): void {
    this.paintChunks(0, this.painted.length)
  }

  dispose(): void {
    for (const name of this.layers.keys()) this.registry.delete(name)
    this.layers.clear()
    this.uninstallRules?.()
    this.uninstallRules = undefined
  }

  private diff(state: LayerState, ranges: readonly HighlightMark[]): void {
    const deferred = state.deferred
    if (deferred) {
      if (sameMarks(deferred.ranges, ranges)) return
      // A change: every mark is made, and the layer is diffed as any other.
      state.deferred = null
      for (const r of deferred.ranges) this.add(state, r)
    }
    const old = state.marks
    if (old.size > 0 && sameMarks(state.layer.ranges, ranges)) return
    if (old.size === 0) {
      if (this.defer(state, ranges)) return
      for (const r of ranges) this.add(state, r)
      return
    }
    if (this.diffMiddle(state, state.layer.ranges, ranges)) return
    const next = new Map<string, HighlightMark>()
    for (const r of ranges) next.set(markKey(r), r)
    for (const [key, mark] of old) {
      const r = next.get(key)
      if (r && r.start === mark.start && r.end === mark.end) next.delete(key)
      else this.remove(mark)
    }
    for (const r of next.values()) this.add(state, r)
  }

  /**
   * A layer of spans that changed in one place (a span added, removed or changed; the layers
   * come in reading order): the marks before and after that place are the same objects as last
   * time, so only the ones between are diffed, not a map of the whole layer. Only for marks
   * with ids (unique in a layer), and a few of them; false leaves it to the full diff.
   */
  private diffMiddle(
    state: LayerState,
    before: readonly HighlightMark[],
    after: readonly HighlightMark[],
  ): boolean {
    const n = Math.min(before.length, after.length)
    let head = 0
    while (head < n && before[head] === after[head]) head++
    let tail = 0
    while (tail < n - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) {
      tail++
    }
    const gone = before.slice(head, before.length - tail)
    const come = after.slice(head, after.length - tail)
    if (gone.length + come.length > MIDDLE_MAX) return false
    if (!gone.every((m) => m.id !== undefined) || !come.every((m) => m.id !== undefined)) {
      return false
    }
    const coming = new Map(come.map((r) => [markKey(r), r]))
    for (const r of gone) {
      const key = markKey(r)
      const mark = state.marks.get(key)
      const next = coming.get(key)
      if (mark && next && next.start === mark.start && next.end === mark.end) coming.delete(key)
      else if (mark) this.remove(mark)
    }
    for (const r of coming.values()) this.add(state, r)
    return true
  }

  /**
   * Defers the marks of a new layer (see the header) when none has an id and they come by start;
   * makes those of the chunks painted already. False leaves them to be made now.
   */
  private defer(state: LayerState, ranges: readonly HighlightMark[]): boolean {
    const { starts } = this.index
    if (ranges.length === 0 || starts.length === 0) return false
    let longest = 0
    for (let k = 0; k < ranges.length; k++) {
      const r = ranges[k]!
      if (r.id !== undefined || (k > 0 && r.start < ranges[k - 1]!.start)) return false
      longest = Math.max(longest, r.end - r.start)
    }
    if (longest > DEFER_LONGEST) return false
    const at = new Int32Array(starts.length + 1)
    let k = 0
    for (let i = 0; i < starts.length; i++) {
      while (k < ranges.length && ranges[k]!.start < starts[i]!) k++
      at[i] = k
    }
    at[starts.length] = ranges.length
    state.deferred = { ranges, at, longest }
    for (let i = 0; i < starts.length; i++) if (this.painted[i]) this.makeDeferred(state, i)
    return true
  }

  /** Makes the deferred marks of `state` that touch chunk `i` (those starting in it, or before). */
  private makeDeferred(state: LayerState, i: number): void {
    const { ranges, at, longest } = state.deferred!
    const chunkStart = this.index.starts[i]!
    for (let k = at[i]! - 1; k >= 0 && ranges[k]!.start >= chunkStart - longest; k--) {
      if (ranges[k]!.end > chunkStart) this.add(state, ranges[k]!)
    }
    for (let k = at[i]!; k < at[i + 1]!; k++) this.add(state, ranges[k]!)
  }

  private add(state: LayerState, r: HighlightMark): void {
    const key = markKey(r)
    if (state.marks.has(key) || r.end <= r.start) return
    const first = this.chunkAt(r.start)
    const last = this.chunkAt(r.end - 1)
    const mark: Mark = { key, start: r.start, end: r.end, first, last, range: null, layer: state }
    state.marks.set(key, mark)
    this.made++
    let shown = false
    for (let i = first; i <= last; i++) {
      this.buckets[i]?.add(mark)
      shown ||= this.painted[i] === 1
    }
    if (shown) this.materialise(mark)
  }

  private remove(mark: Mark): void {
    this.unbucket(mark)
    mark.layer.marks.delete(mark.key)
    if (mark.range) mark.layer.highlight.delete(mark.range)
  }

  private unbucket(mark: Mark): void {
    for (let i = mark.first; i <= mark.last; i++) this.buckets[i]?.delete(mark)
  }

  private materialise(mark: Mark): void {
    if (mark.range) return
    mark.range = highlightRangeFor(this.index, mark.start, mark.end)
    if (!mark.range) return
    this.created++
    mark.layer.highlight.add(mark.range)
  }

  private setLook(name: string, look: LayerLook): void {
    const known = this.looks.get(name)
    if (known && known.color === look.color && known.style === look.style) return
    this.looks.set(name, { key: look.key, color: look.color, style: look.style })
    this.looksChanged = true
  }

  /**
   * Every layer's rule, kept while the painter lives even when its layer goes (a jump target or a
   * selected span comes and goes): a new style sheet restyles the whole page, which is worth
   * paying only when a rule is new or has changed.
   */
  private updateRules(): void {
    if (!this.looksChanged) return
    this.looksChanged = false
    let changed = false
    for (const [name, look] of this.looks) {
      const rule = highlightRule(name, look, safeColor(look.color))
      if (this.rules.get(name) === rule) continue
      this.rules.set(name, rule)
      changed = true
    }
    if (!changed) return
    this.uninstallRules?.()
    this.uninstallRules = this.installRules([...this.rules.values()].join('\n'))
  }
}

/** The same marks in the same order: the cheap common case of a layer that did not change. */
function sameMarks(a: readonly HighlightMark[], b: readonly HighlightMark[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    const y = b[i]!
    if (x !== y && (x.start !== y.start || x.end !== y.end || x.id !== y.id)) return false
  }
  return true
}

function safeColor(color: string): string {
  if (typeof CSS === 'undefined' || typeof CSS.supports !== 'function') return color
  return CSS.supports('color', color) ? color : '#d1d5db'
}

function adoptSheet(css: string): () => void {
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(css)
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)
  }
}
