import { useLayoutEffect, useRef, type RefObject } from 'react'
import type { HighlightLayer } from './highlight-layer'
import { HighlightPainter } from './highlight-painter'
import { chunkBlocks, chunksInBand, paintBand } from './viewport'

export const highlightsSupported = typeof CSS !== 'undefined' && 'highlights' in CSS

/**
 * Draws `layers` over the text rendered in `container` with the CSS Custom Highlight API (see
 * HighlightPainter): the text stays plain text nodes, nothing wraps it. Highlight names are
 * `${prefix}-${layer.key}`, unique per text view, so several views (compare) never clash.
 * Ranges are made for the chunks within a screen of the visible part of `scrollRoot` (the
 * window when null), as scrolling brings them near, and for all chunks before printing.
 * The container gets `data-highlights="painted"` once the first screen is drawn.
 */
export function useCssHighlights(
  container: RefObject<HTMLElement | null>,
  prefix: string,
  layers: readonly HighlightLayer[],
  text: string,
  scrollRoot: HTMLElement | null = null,
) {
  const painter = useRef<HighlightPainter | null>(null)
  const paintVisible = useRef<() => void>(() => undefined)

  useLayoutEffect(() => {
    const root = container.current
    if (!root || !highlightsSupported) return
    const current = new HighlightPainter(root, prefix)
    painter.current = current
    const layout = chunkBlocks(root)
    paintVisible.current = () => {
      current.paintChunks(...chunksInBand(layout, paintBand(scrollRoot)))
      root.dataset.highlights = 'painted'
    }
    let frame = 0
    const onScroll = () => {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        paintVisible.current()
      })
    }
    const onPrint = () => current.paintAll()
    addEventListener('scroll', onScroll, { capture: true, passive: true })
    addEventListener('resize', onScroll, { passive: true })
    addEventListener('beforeprint', onPrint)
    return () => {
      cancelAnimationFrame(frame)
      removeEventListener('scroll', onScroll, { capture: true })
      removeEventListener('resize', onScroll)
      removeEventListener('beforeprint', onPrint)
      current.dispose()
      painter.current = null
      paintVisible.current = () => undefined
      delete root.dataset.highlights
    }
  }, [container, prefix, text, scrollRoot])

  useLayoutEffect(() => {
    const current = painter.current
    if (!current) return
    current.setLayers(layers)
    // Layout is needed for the coming paint anyway: reading boxes now costs little.
    paintVisible.current()
  }, [layers, text, scrollRoot])
}
