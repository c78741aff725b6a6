/**
 * Which chunks of a rendered text are on or near the screen: a binary search over the boxes of
 * its sections (cheap: a section's box is known even when `content-visibility` skips its
 * content, and a long text has a few dozen), taking the sections that meet the band whole. Only
 * a section much longer than most (one paragraph of many thousand characters) is searched by
 * its chunks' boxes. Nothing is observed per element, so the cost per scroll frame is a few box
 * reads however long the text is.
 */

export interface ChunkSections {
  /** Section elements (`.text-section`, or a chunk's parent outside any) in document order. */
  sections: HTMLElement[]
  /** Index of each section's first chunk; one extra entry holds the chunk count. */
  firstChunk: number[]
  chunks: HTMLElement[]
}

/** Groups the chunk elements (`[data-start]`) of `root` by their section. */
export function chunkSections(root: HTMLElement): ChunkSections {
  const chunks = [...root.querySelectorAll<HTMLElement>('[data-start]')]
  const sections: HTMLElement[] = []
  const firstChunk: number[] = []
  chunks.forEach((chunk, i) => {
    const section = chunk.closest<HTMLElement>('.text-section') ?? chunk.parentElement ?? chunk
    if (sections[sections.length - 1] !== section) {
      sections.push(section)
      firstChunk.push(i)
    }
  })
  firstChunk.push(chunks.length)
  return { sections, firstChunk, chunks }
}

/** The band of the screen to paint: the visible part of the scroller, one screen either side. */
export function paintBand(scrollRoot: HTMLElement | null): { top: number; bottom: number } {
  const top = viewTop(scrollRoot)
  const bottom = scrollRoot
    ? Math.min(window.innerHeight, scrollRoot.getBoundingClientRect().bottom)
    : window.innerHeight
  const height = Math.max(bottom - top, window.innerHeight / 2)
  return { top: top - height, bottom: bottom + height }
}

/** The top of the visible part of `scrollRoot` (the window when null), in the viewport. */
export function viewTop(scrollRoot: HTMLElement | null): number {
  return scrollRoot ? Math.max(0, scrollRoot.getBoundingClientRect().top) : 0
}

/**
 * The chunk at `y` in the viewport, or the first one below it: its section by a binary search
 * over the sections' boxes, then the chunk within it (a rendered section, when `y` is on screen).
 */
export function chunkAtY(layout: ChunkSections, y: number): HTMLElement | undefined {
  const { sections, firstChunk, chunks } = layout
  const i = lowerBound(sections.length, (k) => sections[k]!.getBoundingClientRect().bottom > y)
  if (i >= sections.length) return undefined
  const from = firstChunk[i]!
  const n = firstChunk[i + 1]! - from
  const j = lowerBound(n, (k) => chunks[from + k]!.getBoundingClientRect().bottom > y)
  return chunks[from + Math.min(j, n - 1)]
}

/** A section spanning more characters than this is searched by its chunks' boxes. */
const LONG_CHARS = 16_000

/** Chunks [from, to) whose sections meet the band (from === to when none do). */
export function chunksInBand(
  layout: ChunkSections,
  band: { top: number; bottom: number },
): [number, number] {
  const { sections, firstChunk, chunks } = layout
  if (sections.length === 0) return [0, 0]
  const rect = (el: HTMLElement) => el.getBoundingClientRect()
  // First section whose bottom reaches the band; last section whose top is inside it.
  const first = lowerBound(sections.length, (i) => rect(sections[i]!).bottom >= band.top)
  const last = lowerBound(sections.length, (i) => rect(sections[i]!).top > band.bottom) - 1
  if (first >= sections.length || last < first) return [0, 0]
  const long = (from: number, to: number) => to - from > 1 && charsOf(chunks, from, to) > LONG_CHARS
  let from = firstChunk[first]!
  let to = firstChunk[last + 1]!
  if (long(from, firstChunk[first + 1]!)) {
    const base = from
    const n = firstChunk[first + 1]! - base
    from =
      base +
      Math.min(
        n - 1,
        lowerBound(n, (i) => rect(chunks[base + i]!).bottom >= band.top),
      )
  }
  const lastFrom = firstChunk[last]!
  if (long(lastFrom, to)) {
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

/** Characters of chunks [from, to), the last counted from its start to its end. */
function charsOf(chunks: HTMLElement[], from: number, to: number): number {
  const last = chunks[to - 1]!
  return (
    Number(last.dataset.start) +
    (last.textContent?.length ?? 0) -
    Number(chunks[from]!.dataset.start)
  )
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
