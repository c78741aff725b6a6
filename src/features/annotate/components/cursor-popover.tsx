import { useEffect, useLayoutEffect, useState, type RefObject } from 'react'
import { indexChunks, rangeFor } from '../../../components/highlighted-text/dom-offsets'
import { selectionRange } from '../../../lib/annotate/cursor-moves'
import type { Annotation, Taxonomy } from '../../../lib/traces/trace-model'
import { useTraceCursor } from '../../../stores/cursor-store'

/** How long an annotation message stays by the cursor. */
const MESSAGE_MS = 5000

interface Place {
  top: number
  left: number
}

/**
 * By the cursor (or the page's top when there is none): the labels of the spans under it, as
 * chips in their colours, and the last annotation message, announced to screen readers.
 */
export function CursorPopover({
  root,
  traceId,
  annotations,
  taxonomy,
  message,
}: {
  root: RefObject<HTMLElement | null>
  traceId: string
  annotations: readonly Annotation[]
  taxonomy: Taxonomy
  message: { text: string; at: number } | null
}) {
  const cursor = useTraceCursor(traceId)
  const [place, setPlace] = useState<Place | null>(null)
  const [expired, setExpired] = useState<number | null>(null)
  const shown = message && message.at !== expired ? message.text : ''
  const range = cursor ? selectionRange(cursor) : null
  const start = range?.start ?? -1
  const end = range?.end ?? -1

  useEffect(() => {
    if (!message) return
    const timer = setTimeout(() => setExpired(message.at), MESSAGE_MS)
    return () => clearTimeout(timer)
  }, [message])

  useLayoutEffect(() => {
    if (start < 0) return
    const measure = () => {
      const container = root.current?.querySelector<HTMLElement>('[data-field="reasoning"]')
      const r = container ? rangeFor(indexChunks(container), start, start + 1) : null
      const rect = r?.getClientRects()[0] ?? r?.getBoundingClientRect()
      if (!rect || rect.height === 0) return setPlace(null)
      setPlace({
        top: Math.min(window.innerHeight - 40, Math.max(0, rect.top - 30)),
        left: Math.max(4, Math.min(window.innerWidth - 320, rect.left)),
      })
    }
    measure()
    let frame = 0
    const onMove = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(measure)
    }
    window.addEventListener('scroll', onMove, true)
    window.addEventListener('resize', onMove)
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('scroll', onMove, true)
      window.removeEventListener('resize', onMove)
    }
  }, [root, start, end, shown])

  const under =
    start < 0
      ? []
      : annotations.filter(
          (a) =>
            !a.rejected &&
            a.field === 'reasoning' &&
            a.start < Math.max(end, start + 1) &&
            a.end > start,
        )
  const labels = new Map(taxonomy.labels.map((l) => [l.id, l]))
  const style =
    place && start >= 0
      ? { position: 'fixed' as const, top: place.top, left: place.left }
      : { position: 'fixed' as const, top: 56, right: 16 }
  return (
    <div className="cursor-popover" style={style} data-testid="cursor-popover">
      {under.length > 0 && (
        <span className="cursor-labels" data-testid="cursor-labels">
          {under.slice(0, 6).map((a) => (
            <span
              key={a.id}
              className="label-chip"
              style={{ background: labels.get(a.label)?.color ?? '#e5e7eb' }}
            >
              {labels.get(a.label)?.name ?? a.label}
            </span>
          ))}
          {under.length > 6 && <span className="small">+{under.length - 6}</span>}
        </span>
      )}
      <span
        className="cursor-message"
        role="status"
        aria-live="polite"
        data-testid="annotate-message"
      >
        {shown}
      </span>
    </div>
  )
}
