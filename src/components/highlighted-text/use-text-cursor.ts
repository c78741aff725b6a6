import { useLayoutEffect, useRef, type RefObject } from 'react'
import { chunkIndexOf } from './dom-offsets'
import { CursorCanvas, takeLayoutFresh, type CursorRange } from './text-cursor'
import { afterNextPaint } from '../schedule/schedule'

/**
 * Keeps the cursor layer of one rendered text (text-cursor.ts) on the cursor: drawn in the commit
 * of a cursor move, else in the frame after the cursor's change, and again when the text reflows (its box or the window changes
 * size, a block above is laid out for the first time) or after printing.
 */
export function useTextCursor(
  layer: RefObject<HTMLElement | null>,
  textRoot: RefObject<HTMLElement | null>,
  /** Undefined when this text never has a cursor (no canvas is prepared for it). */
  cursor: CursorRange | null | undefined,
  text: string,
) {
  const wanted = cursor !== undefined
  const painter = useRef<CursorCanvas | null>(null)
  const latest = useRef<CursorRange | null>(null)
  const start = cursor?.start ?? -1
  const end = cursor?.end ?? -1

  useLayoutEffect(() => {
    const l = layer.current
    const root = textRoot.current
    if (!l || !root) return
    const current = new CursorCanvas(l, root, chunkIndexOf(root))
    painter.current = current
    // A reflow moves the text under the boxes: drawn again before that frame is painted.
    let first = true
    const redraw = () => {
      if (first) first = false
      else if (latest.current) current.draw(latest.current, true)
    }
    // The canvas made right after the text is first painted, not at the first key press.
    const idle = wanted ? afterNextPaint(() => current.prepare()) : undefined
    const resized = new ResizeObserver(redraw)
    resized.observe(root)
    addEventListener('resize', redraw)
    addEventListener('afterprint', redraw)
    return () => {
      idle?.()
      resized.disconnect()
      removeEventListener('resize', redraw)
      removeEventListener('afterprint', redraw)
      current.dispose()
      painter.current = null
    }
  }, [layer, textRoot, text, wanted])

  // Drawn in the commit when the key handler has just read the layout and changed nothing else
  // (a cursor move: measuring costs no layout); else in the next frame, before it is laid out:
  // the commit may have changed the page (a new span in the list, a message), and measuring the
  // cursor's boxes in it would lay the page out once more than the frame does.
  useLayoutEffect(() => {
    latest.current = start >= 0 ? { start, end } : null
    if (takeLayoutFresh()) {
      painter.current?.draw(latest.current)
      return
    }
    const frame = requestAnimationFrame(() => painter.current?.draw(latest.current))
    return () => cancelAnimationFrame(frame)
  }, [start, end, text])
}
