import type { SearchBatch, SearchSummary, SearchWorkerApi } from './search-protocol'
import SearchWorker from './search.worker?worker'
import { startWorkerJob, type JobHandle } from './worker-job'

/**
 * Runs one text search in its own worker. Cancelling terminates the worker at once: no batch
 * arrives after it.
 */
export function startSearch(
  onBatch: (batch: SearchBatch) => void,
  query: string,
  datasetIds: string[],
): JobHandle<SearchSummary> {
  return startWorkerJob<SearchWorkerApi, SearchBatch, SearchSummary>({
    worker: SearchWorker,
    onProgress: onBatch,
    run: (api, relay) => api.search(query, datasetIds, relay),
  })
}
