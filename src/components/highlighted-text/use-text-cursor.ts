import { useLayoutEffect, useRef, type RefObject } from 'react'
import { chunkIndexOf } from './dom-offsets'
import { CursorCanvas, type CursorRange } from './text-cursor'

/**
 * Keeps the cursor layer of one rendered text (text-cursor.ts) on the cursor: drawn in the commit
 * of the cursor's change (the key handler has just read the layout to scroll, so reading the
 * cursor's line boxes costs no extra layout), and again when the text reflows (its box or the
 * window changes size, a block above is laid out for the first time) or after printing.
 */
export function useTextCursor(
  layer: RefObject<HTMLElement | null>,
  textRoot: RefObject<HTMLElement | null>,
  cursor: CursorRange | null,
  text: string,
) {
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
    const resized = new ResizeObserver(redraw)
    resized.observe(root)
    addEventListener('resize', redraw)
    addEventListener('afterprint', redraw)
    return () => {
      resized.disconnect()
      removeEventListener('resize', redraw)
      removeEventListener('afterprint', redraw)
      current.dispose()
      painter.current = null
    }
  }, [layer, textRoot, text])

  useLayoutEffect(() => {
    latest.current = start >= 0 ? { start, end } : null
    painter.current?.draw(latest.current)
  }, [start, end, text])
}
