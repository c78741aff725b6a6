/**
 * The one running text search of the traces table. It lives outside React so that leaving the
 * table for the reader and coming back does not restart a scan of 100,000 texts: the same
 * query over the same datasets keeps its results. Hits go to the filter store in batches.
 */
import { createJob } from '../../data/jobs'
import { MIN_QUERY_LENGTH } from '../../lib/text/text-search'
import { useSearchStore } from '../../stores/search-store'
import { useTraceFilterStore } from '../../stores/trace-filter-store'
import { startSearch } from '../../workers/search-client'
import type { SearchBatch } from '../../workers/search-protocol'

/** Hits are published at most this often, so a fast scan does not re-render per page. */
const PUBLISH_EVERY_MS = 150

const searchJob = createJob(startSearch, { failureWhat: 'search the traces' })
let currentKey: string | null = null

export function ensureSearch(query: string, datasetIds: string[]): void {
  const q = query.trim()
  const key = JSON.stringify([q, [...datasetIds].sort()])
  if (currentKey === key) return
  currentKey = key
  const { setProgress } = useSearchStore.getState()
  const { setFilter } = useTraceFilterStore.getState()
  if (q.length < MIN_QUERY_LENGTH) {
    searchJob.reset().catch(() => {})
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
  const onBatch = (batch: SearchBatch) => {
    found.push(...batch.hits)
    setProgress({ scanned: batch.scanned, hits: found.length })
    if (performance.now() - published > PUBLISH_EVERY_MS) publish()
  }
  searchJob
    .observe(onBatch, q, datasetIds)
    .then((summary) => {
      if (currentKey !== key) return
      if (summary === undefined) {
        setProgress({ phase: 'failed' })
        return
      }
      publish()
      setProgress({ phase: 'done', scanned: summary.scanned, hits: found.length })
    })
    .catch(() => {})
}

/** Forgets the running search, so that the next `ensureSearch` starts afresh (tests, reset). */
export function resetSearch(): void {
  currentKey = null
  searchJob.reset().catch(() => {})
}
