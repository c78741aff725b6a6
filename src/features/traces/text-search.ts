/**
 * The one running text search of the traces table. It lives outside React so that leaving the
 * table for the reader and coming back does not restart a scan of 100,000 texts: the same
 * query over the same datasets keeps its results. Hits go to the filter store in batches.
 */
import { MIN_QUERY_LENGTH } from '../../lib/text/text-search'
import { useSearchStore } from '../../stores/search-store'
import { useTraceFilterStore } from '../../stores/trace-filter-store'
import { startSearch, type SearchHandle } from '../../workers/search-client'

/** Hits are published at most this often, so a fast scan does not re-render per page. */
const PUBLISH_EVERY_MS = 150

let current: { key: string; handle: SearchHandle | null } | null = null

export function ensureSearch(query: string, datasetIds: string[]) {
  const q = query.trim()
  const key = JSON.stringify([q, [...datasetIds].sort()])
  if (current?.key === key) return
  current?.handle?.cancel()
  const { setProgress } = useSearchStore.getState()
  const { setFilter } = useTraceFilterStore.getState()
  if (q.length < MIN_QUERY_LENGTH) {
    current = { key, handle: null }
    setProgress({ phase: 'idle', scanned: 0, hits: 0 })
    setFilter({ searchHits: null })
    return
  }
  const found: string[] = []
  let published = 0
  const publish = () => {
    published = performance.now()
    setFilter({ searchHits: new Set(found) })
  }
  setProgress({ phase: 'searching', scanned: 0, hits: 0 })
  setFilter({ searchHits: new Set() })
  const handle = startSearch(q, datasetIds, (batch) => {
    found.push(...batch.hits)
    setProgress({ scanned: batch.scanned, hits: found.length })
    if (performance.now() - published > PUBLISH_EVERY_MS) publish()
  })
  current = { key, handle }
  handle.done.then(
    (summary) => {
      if (current?.handle !== handle) return
      publish()
      setProgress({ phase: 'done', scanned: summary.scanned, hits: found.length })
    },
    (error: unknown) => {
      if (current?.handle !== handle) return
      console.error('text search failed', error)
      setProgress({ phase: 'failed' })
    },
  )
}

/** Forgets the running search, so that the next `ensureSearch` starts afresh (tests, reset). */
export function resetSearch() {
  current?.handle?.cancel()
  current = null
}
