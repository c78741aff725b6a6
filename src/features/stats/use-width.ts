import { useEffect, useState, type RefObject } from 'react'

/** The content width of an element, kept up to date as it resizes (charts take the panel's width). */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback = 760): number {
  const [width, setWidth] = useState(fallback)
  useEffect(() => {
    const node = ref.current
    if (!node) return
    const observer = new ResizeObserver(([entry]) => {
      const w = entry?.contentRect.width ?? 0
      // Whole pixels, and only real changes: a chart is redrawn per width.
      if (w > 0) setWidth((old) => (Math.abs(old - w) >= 8 ? Math.floor(w) : old))
    })
    observer.observe(node)
    return () => observer.disconnect()
  }, [ref])
  return width
}
