import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { indexChunks, rangeFor } from '../../../components/highlighted-text/dom-offsets'
import { selectionRange } from '../../../lib/annotate/cursor-moves'
import type { Annotation, Taxonomy } from '../../../lib/traces/trace-model'
import { useTraceCursor } from '../../../stores/cursor-store'

/** How long an annotation message stays by the cursor. */
const MESSAGE_MS = 5000

/** Puts the popover above the character at `start` of the reasoning, else at the page's top. */
function place(el: HTMLElement, root: HTMLElement | null, start: number) {
  const container = root?.querySelector<HTMLElement>('[data-field="reasoning"]')
  const r = container && start >= 0 ? rangeFor(indexChunks(container), start, start + 1) : null
  const rect = r?.getClientRects()[0] ?? r?.getBoundingClientRect()
  const at =
    rect && rect.height > 0
      ? {
          top: `${Math.min(window.innerHeight - 40, Math.max(0, rect.top - 30))}px`,
          left: `${Math.max(4, Math.min(window.innerWidth - 320, rect.left))}px`,
          right: 'auto',
        }
      : { top: '', left: '', right: '' } // annotate.css: the page's top right
  Object.assign(el.style, at)
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
  const box = useRef<HTMLDivElement>(null)
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

  // Placed in the next animation frame, from the box the frame lays out anyway, and written to
  // the element's style: measuring in the commit forced a layout of the page on every cursor
  // move, and a state update rendered the popover twice.
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    if (start < 0) return place(el, null, -1)
    const measure = () => place(el, root.current, start)
    let frame = requestAnimationFrame(measure)
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
  return (
    <div className="cursor-popover" ref={box} data-testid="cursor-popover">
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
