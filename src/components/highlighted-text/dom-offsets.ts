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

/** The text node and local offset for a text offset (the end of the previous chunk at a seam). */
export function pointAt(index: ChunkIndex, offset: number): { node: Text; offset: number } | null {
  let lo = 0
  let hi = index.starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (index.starts[mid]! < offset) lo = mid
    else hi = mid - 1
  }
  const node = index.nodes[lo]
  if (!node) return null
  return { node, offset: Math.min(offset - index.starts[lo]!, node.length) }
}

export function rangeFor(index: ChunkIndex, start: number, end: number): Range | null {
  const from = pointAt(index, start)
  const to = pointAt(index, end)
  if (!from || !to) return null
  const range = new Range()
  // A start at a chunk seam belongs to the next chunk.
  if (from.offset === from.node.length && start > 0) {
    const i = index.nodes.indexOf(from.node)
    const next = index.nodes[i + 1]
    if (next) range.setStart(next, 0)
    else range.setStart(from.node, from.offset)
  } else range.setStart(from.node, from.offset)
  range.setEnd(to.node, to.offset)
  return range
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
