import { useEffect, useMemo, useRef } from 'react'
import { readerPath } from '../../lib/reader/reader-link'
import { useUiStore } from '../../stores/ui-store'
import { useNeighbours } from '../../data/traces'
import type { Trace } from '../../lib/traces/trace-model'

/**
 * Next and previous trace: in the traces table's current order and filter when the trace is
 * in it (the reader was opened from the table), else in its dataset's source order. The
 * search query travels along, so its hits stay marked.
 */
export function useReaderNav(traceId: string, trace: Trace | undefined, query: string) {
  const order = useUiStore((s) => s.browseOrder)
  const stored = useNeighbours(trace)
  const index = useMemo(() => order.indexOf(traceId), [order, traceId])
  const previous = index >= 0 ? order.idAt(index - 1) : (stored?.previous ?? null)
  const next = index >= 0 ? order.idAt(index + 1) : (stored?.next ?? null)
  // Where the last key press sent the reader, until it shows that trace: a second `p` pressed
  // before the page has re-rendered steps on from there instead of going to the same trace.
  const target = useRef<string | null>(null)
  useEffect(() => {
    if (target.current === traceId) target.current = null
  }, [traceId])
  const go = (step: 1 | -1) => {
    const from = target.current ?? traceId
    const at = from === traceId ? index : order.indexOf(from)
    const id =
      at >= 0 ? order.idAt(at + step) : from === traceId ? (step > 0 ? next : previous) : null
    if (!id) return
    target.current = id
    window.location.hash = readerPath(id, { q: query })
  }
  return {
    previous,
    next,
    position: index >= 0 ? { index, total: order.size } : null,
    goPrevious: () => go(-1),
    goNext: () => go(1),
  }
}
