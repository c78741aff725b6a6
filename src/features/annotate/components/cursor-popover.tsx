import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { chunkIndexOf, rangeFor } from '../../../components/highlighted-text/dom-offsets'
import { RESTED_MS } from '../../../components/highlighted-text/text-cursor'
import {
  selectionRange,
  spansUnder,
  type CursorSelection,
} from '../../../lib/annotate/cursor-moves'
import type { Annotation, Taxonomy } from '../../../lib/traces/trace-model'
import { useCursorStore } from '../../../stores/cursor-store'

/** How long an annotation message stays by the cursor. */
const MESSAGE_MS = 5000

/** Puts the popover above the character at `start` of the reasoning, else at the page's top. */
function place(el: HTMLElement, root: HTMLElement | null, start: number) {
  const container = root?.querySelector<HTMLElement>('[data-field="reasoning"]')
  const r = container && start >= 0 ? rangeFor(chunkIndexOf(container), start, start + 1) : null
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
 * The cursor of a trace once it rests (RESTED_MS after its last move), or at once when a message
 * comes. Any DOM or style change in a frame repaints every highlighted text on the screen (see
 * text-cursor.ts), so the popover's labels and place do not change in the frame that draws a
 * cursor move: the move is drawn first, and holding a key repaints the text once, when it stops.
 */
function useRestedCursor(
  traceId: string,
  message: { text: string; at: number } | null,
): CursorSelection | undefined {
  const now = () => useCursorStore.getState().byTrace[traceId]
  const [rested, setRested] = useState(now)
  const [shown, setShown] = useState({ traceId, at: message?.at })
  if (message?.at !== shown.at || traceId !== shown.traceId) {
    // A message is shown by the cursor where it is now, and another trace's cursor at once
    // (state adjusted during render).
    setShown({ traceId, at: message?.at })
    setRested(now())
  }
  // Subscribed outside React: a move re-renders nothing here until the cursor rests.
  useEffect(() => {
    const read = () => useCursorStore.getState().byTrace[traceId]
    let timer = 0
    const unsubscribe = useCursorStore.subscribe((state, previous) => {
      if (state.byTrace[traceId] === previous.byTrace[traceId]) return
      clearTimeout(timer)
      timer = window.setTimeout(() => setRested(read()), RESTED_MS)
    })
    return () => {
      unsubscribe()
      clearTimeout(timer)
    }
  }, [traceId])
  return rested
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
  const cursor = useRestedCursor(traceId, message)
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

  const under = useMemo(
    () => spansUnder(annotations, 'reasoning', start, end),
    [annotations, start, end],
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
