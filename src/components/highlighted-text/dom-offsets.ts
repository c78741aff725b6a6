/**
 * Maps between character offsets of one stored text and DOM points inside its rendered form.
 * Each chunk element carries `data-start` and holds exactly one text node with its slice of the
 * text; decorations (step numbers) are pseudo-elements, outside the DOM text, so they never shift
 * an offset. Offsets are UTF-16 code units, as JavaScript strings count.
 */

export interface ChunkIndex {
  starts: number[]
  nodes: Text[]
}

const indexes = new WeakMap<HTMLElement, ChunkIndex>()

/**
 * The chunk index of a rendered text, kept for the text's life by HighlightedText (which renders
 * the chunks from the text alone, so the index holds until the text changes): a key press that
 * scrolls to an offset or measures one does not walk hundreds of chunk elements again.
 */
export function chunkIndexOf(container: HTMLElement): ChunkIndex {
  return indexes.get(container) ?? indexChunks(container)
}

/** Keeps `index` as the chunk index of `container` until the returned function is called. */
export function keepChunkIndex(container: HTMLElement, index: ChunkIndex): () => void {
  indexes.set(container, index)
  return () => {
    if (indexes.get(container) === index) indexes.delete(container)
  }
}

export function indexChunks(container: HTMLElement): ChunkIndex {
  const starts: number[] = []
  const nodes: Text[] = []
  for (const el of container.querySelectorAll<HTMLElement>('[data-start]')) {
    const node = el.firstChild
    if (node instanceof Text) {
      starts.push(Number(el.dataset.start))
      nodes.push(node)
    }
  }
  return { starts, nodes }
}

/** The chunk holding `offset`: the last chunk starting at or before it. */
export function chunkAt(index: ChunkIndex, offset: number): number {
  const { starts } = index
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * The text node and local offset for a text offset (the end of the previous chunk at a seam),
 * and the index of its chunk.
 */
export function pointAt(
  index: ChunkIndex,
  offset: number,
): { node: Text; offset: number; chunk: number } | null {
  let lo = 0
  let hi = index.starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (index.starts[mid]! < offset) lo = mid
    else hi = mid - 1
  }
  const node = index.nodes[lo]
  if (!node) return null
  return { node, offset: Math.min(offset - index.starts[lo]!, node.length), chunk: lo }
}

/** The DOM boundary points of [start, end): a start at a chunk seam belongs to the next chunk. */
export function boundsOf(index: ChunkIndex, start: number, end: number): StaticRangeInit | null {
  const from = pointAt(index, start)
  const to = pointAt(index, end)
  if (!from || !to) return null
  const next = from.offset === from.node.length && start > 0 ? index.nodes[from.chunk + 1] : null
  return {
    startContainer: next ?? from.node,
    startOffset: next ? 0 : from.offset,
    endContainer: to.node,
    endOffset: to.offset,
  }
}

export function rangeFor(index: ChunkIndex, start: number, end: number): Range | null {
  const bounds = boundsOf(index, start, end)
  if (!bounds) return null
  const range = new Range()
  range.setStart(bounds.startContainer, bounds.startOffset)
  range.setEnd(bounds.endContainer, bounds.endOffset)
  return range
}

const hasStaticRange = typeof StaticRange === 'function'

/**
 * [start, end) as a StaticRange, for a highlight: about half the cost of a live Range to make,
 * and to paint (measured in Chromium, 3,000 ranges). It does not follow changes to the DOM; a
 * text's chunks never change while its painter lives (HighlightedText renders them from the
 * text alone). A live Range where there is no StaticRange (the unit tests' DOM).
 */
export function highlightRangeFor(
  index: ChunkIndex,
  start: number,
  end: number,
): AbstractRange | null {
  if (!hasStaticRange) return rangeFor(index, start, end)
  const bounds = boundsOf(index, start, end)
  return bounds ? new StaticRange(bounds) : null
}

/** The text offset of a DOM point inside `container`, or null when it lies outside the text. */
export function offsetOf(container: HTMLElement, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null
  if (node instanceof Text) {
    const chunk = node.parentElement?.closest<HTMLElement>('[data-start]')
    return chunk ? Number(chunk.dataset.start) + offset : null
  }
  // An element point: resolve to the first chunk at or after the child at `offset`.
  const el = node as Element
  const after = el.childNodes[offset]
  const chunk = after ? firstChunkFrom(after) : lastChunkIn(el)
  if (!chunk) return null
  const start = Number(chunk.dataset.start)
  return after ? start : start + (chunk.textContent?.length ?? 0)
}

function firstChunkFrom(node: Node): HTMLElement | null {
  if (node instanceof HTMLElement) {
    if (node.dataset.start !== undefined) return node
    return node.querySelector<HTMLElement>('[data-start]')
  }
  return node.parentElement?.closest<HTMLElement>('[data-start]') ?? null
}

function lastChunkIn(el: Element): HTMLElement | null {
  const all = el.querySelectorAll<HTMLElement>('[data-start]')
  return all[all.length - 1] ?? null
}

/** The current selection as offsets into the text shown in `container`, or null. */
export function selectionOffsets(container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  const start = offsetOf(container, range.startContainer, range.startOffset)
  const end = offsetOf(container, range.endContainer, range.endOffset)
  if (start === null || end === null || end <= start) return null
  return { start, end }
}
