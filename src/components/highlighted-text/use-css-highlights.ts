import { useLayoutEffect, useRef, type RefObject } from 'react'
import type { HighlightLayer, LayerLook } from './highlight-layer'
import { HighlightPainter } from './highlight-painter'
import type { PaintedBand } from './use-span-chips'
import { afterFrames, afterNextPaint } from '../schedule/schedule'
import { chunkAtY, chunkSections, chunksInBand, paintBand, viewTop } from './viewport'

/**
 * Characters drawn in the first frame: more than the start of a text can show in this window
 * (lines of at least 20 px, characters of at least 6 px), about 8,500 at 1280 x 800.
 */
const firstChars = () => Math.ceil(window.innerHeight / 20) * Math.ceil(window.innerWidth / 6)

export const highlightsSupported = typeof CSS !== 'undefined' && 'highlights' in CSS

/**
 * Draws `layers` over the text rendered in `container` with the CSS Custom Highlight API (see
 * HighlightPainter): the text stays plain text nodes, nothing wraps it. Highlight names are
 * `${prefix}-${layer.key}`, unique per text view, so several views (compare) never clash.
 * Ranges are made for the chunks within a screen of the visible part of `scrollRoot` (the
 * window when null), as scrolling brings them near, and for all chunks before printing.
 * The container gets `data-highlights="painted"` once the first screen is drawn. `onPaint` is
 * told the band painted, as text offsets (the span chips follow it), and the whole text before
 * printing. `reserved` are layers that may be drawn later: their rules go in with the first
 * layers (see HighlightPainter.reserve).
 */
export function useCssHighlights(
  container: RefObject<HTMLElement | null>,
  prefix: string,
  layers: readonly HighlightLayer[],
  text: string,
  scrollRoot: HTMLElement | null = null,
  onPaint?: PaintedBand,
  reserved?: readonly LayerLook[],
) {
  const painter = useRef<HighlightPainter | null>(null)
  const paintVisible = useRef<() => void>(() => undefined)
  const paintFirst = useRef<() => () => void>(() => () => undefined)
  const cancelFirst = useRef<(() => void) | undefined>(undefined)
  const painted = useRef(onPaint)
  useLayoutEffect(() => {
    painted.current = onPaint
  })

  useLayoutEffect(() => {
    const root = container.current
    if (!root || !highlightsSupported) return
    const current = new HighlightPainter(root, prefix)
    painter.current = current
    const layout = chunkSections(root)
    const offsetOf = (chunk: number) => {
      const el = layout.chunks[chunk]
      return el ? Number(el.dataset.start) : text.length
    }
    paintVisible.current = () => {
      const [from, to] = chunksInBand(layout, paintBand(scrollRoot))
      current.paintChunks(from, to)
      painted.current?.(offsetOf(from), offsetOf(to), false)
      root.dataset.highlights = 'painted'
    }
    paintFirst.current = () => {
      // The text's start, by its length alone: no box is read before the first frame. Boxes
      // read now, before the browser has settled which sections \`content-visibility\` shows,
      // restyled the whole page up to three times (~70 ms at 200,000 characters); the frame
      // does that once. The band on the screen (and the span chips, which are measured) follows
      // once that frame is painted; a text not shown from its start waits for it.
      current.paintChunks(0, current.chunkAt(firstChars()) + 1)
      return afterNextPaint(() => paintVisible.current())
    }
    let frame = 0
    const onScroll = () => {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        paintVisible.current()
      })
    }
    // Printing lays every section out at the print width, and each keeps that height as its
    // placeholder (contain-intrinsic-height: auto) until it is shown again: the text above the
    // screen changes height, and the reader would come back somewhere else. The chunk at the
    // top of the screen is put back where it was once the sections have settled (two frames),
    // by the one text that holds the top of the screen (a reader shows up to three).
    let place: { chunk: HTMLElement; top: number } | null = null
    let cancelSettle: (() => void) | undefined
    const onPrint = () => {
      const y = viewTop(scrollRoot)
      const box = root.getBoundingClientRect()
      const chunk =
        place?.chunk ?? (box.top <= y && y < box.bottom ? chunkAtY(layout, y) : undefined)
      place = chunk ? { chunk, top: place?.top ?? chunk.getBoundingClientRect().top } : null
      current.paintAll()
      painted.current?.(0, text.length, true)
    }
    const onPrinted = () => {
      paintVisible.current()
      cancelSettle?.()
      cancelSettle = afterFrames(2, () => {
        if (!place) return
        const by = place.chunk.getBoundingClientRect().top - place.top
        place = null
        if (Math.abs(by) >= 1) (scrollRoot ?? window).scrollBy({ top: by })
      })
    }
    addEventListener('scroll', onScroll, { capture: true, passive: true })
    addEventListener('resize', onScroll, { passive: true })
    addEventListener('beforeprint', onPrint)
    addEventListener('afterprint', onPrinted)
    // The text reflowed or moved (a panel beside or above it changed size): other chunks may
    // be on screen now. Layer changes do not re-measure (that forced a layout of the whole
    // text on every new span): a new mark in a painted chunk is drawn by setLayers itself.
    const resized = new ResizeObserver(onScroll)
    resized.observe(root)
    resized.observe(document.documentElement)
    return () => {
      resized.disconnect()
      cancelAnimationFrame(frame)
      cancelSettle?.()
      removeEventListener('scroll', onScroll, { capture: true })
      removeEventListener('resize', onScroll)
      removeEventListener('beforeprint', onPrint)
      removeEventListener('afterprint', onPrinted)
      cancelFirst.current?.()
      current.dispose()
      painter.current = null
      paintVisible.current = () => undefined
      paintFirst.current = () => () => undefined
      delete root.dataset.highlights
    }
  }, [container, prefix, text, scrollRoot])

  const measured = useRef<HighlightPainter | null>(null)
  useLayoutEffect(() => {
    const current = painter.current
    if (!current) return
    if (reserved) current.reserve(reserved)
    current.setLayers(layers)
    if (measured.current === current) return
    // The first layers of this text: its start is drawn with its highlights in the first frame.
    measured.current = current
    cancelFirst.current = paintFirst.current()
  }, [layers, text, scrollRoot, reserved])
}
