import { chunkIndexOf, pointAt } from './dom-offsets'
import { afterFrames } from '../schedule/schedule'

/**
 * Scrolls the chunk holding `offset` of the text shown in `container` to the middle of its
 * scroller. Sections are `content-visibility: auto`, so sections never shown so far have
 * estimated heights and the first jump can land a little off; a second pass, once the sections
 * around the target have been laid out, puts it in place.
 */
export function scrollToOffset(container: HTMLElement, offset: number): boolean {
  const point = pointAt(chunkIndexOf(container), offset)
  const chunk = point?.node.parentElement
  if (!chunk) return false
  chunk.scrollIntoView({ block: 'center' })
  afterFrames(2, () => {
    if (!chunk.isConnected) return
    const rect = chunk.getBoundingClientRect()
    if (rect.bottom < 0 || rect.top > window.innerHeight) chunk.scrollIntoView({ block: 'center' })
  })
  return true
}

let scratch: Range | null = null

/**
 * Scrolls the least needed to show the character at `offset` (a cursor moving down a text
 * keeps it a third of the way down the screen), in the window or the nearest scrolling box.
 */
export function revealOffset(container: HTMLElement, offset: number): void {
  const point = pointAt(chunkIndexOf(container), offset)
  if (!point) return
  // One Range for every call: each new one stays live, and slows every DOM change, until GC.
  const range = (scratch ??= document.createRange())
  range.setStart(point.node, Math.min(point.offset, point.node.length))
  range.setEnd(point.node, Math.min(point.offset + 1, point.node.length))
  const rect = range.getBoundingClientRect()
  const box = scrollingBox(container)
  const top = box ? box.getBoundingClientRect().top : 0
  const bottom = box ? box.getBoundingClientRect().bottom : window.innerHeight
  const margin = Math.min(80, (bottom - top) / 4)
  if (rect.height > 0 && rect.top >= top + margin && rect.bottom <= bottom - margin) return
  const by = rect.top - top - (bottom - top) / 3
  if (box) box.scrollBy({ top: by })
  else window.scrollBy({ top: by })
}

function scrollingBox(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p)
    if ((overflowY === 'auto' || overflowY === 'scroll') && p.scrollHeight > p.clientHeight)
      return p
  }
  return null
}
