import { proxy, wrap } from 'comlink'
import type { SearchBatch, SearchSummary, SearchWorkerApi } from './search-protocol'

export interface SearchHandle {
  done: Promise<SearchSummary>
  /** Stops the scan at once: the worker is terminated, no batch arrives after this. */
  cancel(): void
}

/** Runs one text search in its own worker, terminated when the search ends or is cancelled. */
export function startSearch(
  query: string,
  datasetIds: string[],
  onBatch: (batch: SearchBatch) => void,
): SearchHandle {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' })
  const api = wrap<SearchWorkerApi>(worker)
  let cancelled = false
  const relay = proxy((batch: SearchBatch) => {
    if (!cancelled) onBatch(batch)
  })
  const done = api.search(query, datasetIds, relay).finally(() => worker.terminate())
  return {
    done,
    cancel() {
      cancelled = true
      worker.terminate()
    },
  }
}
