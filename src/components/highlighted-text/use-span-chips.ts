import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { chunkIndexOf } from './dom-offsets'
import { ChipPainter, type SpanChips } from './span-chips'
import { afterFrames, afterNextPaint } from '../schedule/schedule'

const VISIBILITY_CHANGE = 'contentvisibilityautostatechange'

/** The band of text painted (offsets), and whether it is the whole text for printing. */
export type PaintedBand = (start: number, end: number, print: boolean) => void

/**
 * Keeps the chip layer of one rendered text in step with the band the highlights paint
 * (use-css-highlights calls the returned function with it: on open, on scroll, when the text's
 * box changes size, before and after printing) and with `chips`. A change of `chips` (a new
 * span) is placed after the next frame is painted: the span's tint shows at once, and the key
 * press never waits on a layout for its chip.
 */
export function useSpanChips(
  wrap: RefObject<HTMLElement | null>,
  layer: RefObject<HTMLElement | null>,
  textRoot: RefObject<HTMLElement | null>,
  chips: SpanChips | null,
  text: string,
): PaintedBand {
  const painter = useRef<ChipPainter | null>(null)
  const band = useRef<{ start: number; end: number; print: boolean } | null>(null)
  const latest = useRef(chips)

  /** `sameLayout`: only the chips changed since the last paint (see ChipPainter.paint). */
  const repaint = useCallback((sameLayout = false) => {
    const b = band.current
    if (!painter.current || !b) return
    painter.current.paint(
      latest.current,
      b.start,
      b.end,
      b.print ? Infinity : undefined,
      sameLayout,
    )
  }, [])

  useLayoutEffect(() => {
    const w = wrap.current
    const l = layer.current
    const root = textRoot.current
    if (!w || !l || !root) return
    const current = new ChipPainter(l, chunkIndexOf(root))
    painter.current = current
    return () => {
      current.clear()
      painter.current = null
      band.current = null
      w.classList.remove('printing')
    }
  }, [wrap, layer, textRoot, text, repaint])

  // A section that comes on screen is rendered only then: its chips were left out (span-chips.ts
  // `isRendered`), so they are placed now, once per frame however many sections came.
  useLayoutEffect(() => {
    const root = textRoot.current
    if (!root) return
    let cancel: (() => void) | undefined
    const onState = (event: Event) => {
      if ((event as Event & { skipped?: boolean }).skipped !== false || cancel) return
      cancel = afterFrames(1, () => {
        cancel = undefined
        repaint()
      })
    }
    root.addEventListener(VISIBILITY_CHANGE, onState, true)
    return () => {
      root.removeEventListener(VISIBILITY_CHANGE, onState, true)
      cancel?.()
    }
  }, [textRoot, text, repaint])

  useLayoutEffect(() => {
    if (latest.current === chips) return
    latest.current = chips
    return afterNextPaint(() => repaint(true))
  }, [chips, repaint])

  // One function for the life of the view: the highlight painter keeps calling the same one.
  const [onPaint] = useState(() => {
    const paint: PaintedBand = (start, end, print) => {
      // Printing: measured at the print width (see highlighted-text.css), until afterprint.
      wrap.current?.classList.toggle('printing', print)
      band.current = { start, end, print }
      repaint()
    }
    return paint
  })
  return onPaint
}
