/**
 * The search worker's contract with the page (through comlink): plain data only. The worker
 * scans `texts` a page at a time and reports the matching trace ids of each page as it goes,
 * so the table narrows while the scan runs. A search is cancelled by terminating its worker.
 */
export interface SearchBatch {
  /** Trace ids matched in this page (problem or reasoning). */
  hits: string[]
  /** Traces scanned so far, this page included. */
  scanned: number
}

export interface SearchSummary {
  hits: number
  scanned: number
}

export interface SearchWorkerApi {
  /** Searches the datasets given (every dataset when empty); `onBatch` runs once per page. */
  search(
    query: string,
    datasetIds: string[],
    onBatch: (batch: SearchBatch) => void,
  ): Promise<SearchSummary>
}
