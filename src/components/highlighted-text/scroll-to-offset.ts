import { indexChunks, pointAt } from './dom-offsets'

/**
 * Scrolls the chunk holding `offset` of the text shown in `container` to the middle of its
 * scroller. Blocks are `content-visibility: auto`, so blocks never shown so far have estimated
 * heights and the first jump can land a little off; a second pass, once the blocks around the
 * target have been laid out, puts it in place.
 */
export function scrollToOffset(container: HTMLElement, offset: number): boolean {
  const point = pointAt(indexChunks(container), offset)
  const chunk = point?.node.parentElement
  if (!chunk) return false
  chunk.scrollIntoView({ block: 'center' })
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (!chunk.isConnected) return
      const rect = chunk.getBoundingClientRect()
      if (rect.bottom < 0 || rect.top > window.innerHeight)
        chunk.scrollIntoView({ block: 'center' })
    }),
  )
  return true
}
