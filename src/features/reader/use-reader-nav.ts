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
  const index = order.indexOf(traceId)
  const previous = index >= 0 ? (order[index - 1] ?? null) : (stored?.previous ?? null)
  const next = index >= 0 ? (order[index + 1] ?? null) : (stored?.next ?? null)
  const go = (id: string | null) => {
    if (id) window.location.hash = readerPath(id, { q: query })
  }
  return {
    previous,
    next,
    position: index >= 0 ? { index, total: order.length } : null,
    goPrevious: () => go(previous),
    goNext: () => go(next),
  }
}
