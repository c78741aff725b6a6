/**
 * Which chunks of a rendered text are on or near the screen: a binary search over the blocks'
 * boxes (cheap: a block's box is known even when `content-visibility` skips its content), then
 * over the chunks of the two edge blocks when those are long. Nothing is observed per element,
 * so the cost per scroll frame is a few dozen box reads however long the text is.
 */

export interface ChunkBlocks {
  /** Block elements in document order. */
  blocks: HTMLElement[]
  /** Index of each block's first chunk; one extra entry holds the chunk count. */
  firstChunk: number[]
  chunks: HTMLElement[]
}

/** Groups the chunk elements (`[data-start]`) of `root` by their block (the parent element). */
export function chunkBlocks(root: HTMLElement): ChunkBlocks {
  const chunks = [...root.querySelectorAll<HTMLElement>('[data-start]')]
  const blocks: HTMLElement[] = []
  const firstChunk: number[] = []
  chunks.forEach((chunk, i) => {
    const block = chunk.parentElement ?? chunk
    if (blocks[blocks.length - 1] !== block) {
      blocks.push(block)
      firstChunk.push(i)
    }
  })
  firstChunk.push(chunks.length)
  return { blocks, firstChunk, chunks }
}

/** The band of the screen to paint: the visible part of the scroller, one screen either side. */
export function paintBand(scrollRoot: HTMLElement | null): { top: number; bottom: number } {
  const top = scrollRoot ? Math.max(0, scrollRoot.getBoundingClientRect().top) : 0
  const bottom = scrollRoot
    ? Math.min(window.innerHeight, scrollRoot.getBoundingClientRect().bottom)
    : window.innerHeight
  const height = Math.max(bottom - top, window.innerHeight / 2)
  return { top: top - height, bottom: bottom + height }
}

/** Chunks [from, to) whose boxes meet the band (from === to when none do). */
export function chunksInBand(
  layout: ChunkBlocks,
  band: { top: number; bottom: number },
): [number, number] {
  const { blocks, firstChunk, chunks } = layout
  if (blocks.length === 0) return [0, 0]
  const rect = (el: HTMLElement) => el.getBoundingClientRect()
  // First block whose bottom reaches the band; last block whose top is inside it.
  const firstBlock = lowerBound(blocks.length, (i) => rect(blocks[i]!).bottom >= band.top)
  const lastBlock = lowerBound(blocks.length, (i) => rect(blocks[i]!).top > band.bottom) - 1
  if (firstBlock >= blocks.length || lastBlock < firstBlock) return [0, 0]
  let from = firstChunk[firstBlock]!
  let to = firstChunk[lastBlock + 1]!
  const LONG = 4
  if (firstChunk[firstBlock + 1]! - from > LONG) {
    const base = from
    const n = firstChunk[firstBlock + 1]! - base
    from =
      base +
      Math.min(
        n - 1,
        lowerBound(n, (i) => rect(chunks[base + i]!).bottom >= band.top),
      )
  }
  const lastFrom = firstChunk[lastBlock]!
  if (to - lastFrom > LONG) {
    const n = to - lastFrom
    to =
      lastFrom +
      Math.max(
        1,
        lowerBound(n, (i) => rect(chunks[lastFrom + i]!).top > band.bottom),
      )
  }
  return from < to ? [from, to] : [from, from + 1]
}

/** The first i in [0, n) for which `test(i)` holds (test is monotonic), or n. */
function lowerBound(n: number, test: (i: number) => boolean): number {
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (test(mid)) hi = mid
    else lo = mid + 1
  }
  return lo
}
