import type { TracemarkDB } from '../db/database'
import { ALL_KEYS, datasetKeyRange, textsPage } from '../db/traces'
import { compileQuery, textMatches } from '../lib/text/text-search'
import type { SearchBatch, SearchSummary } from './search-protocol'

/** Texts read per page: about 10 MB at 20,000 characters a trace, one page held at a time. */
const PAGE_SIZE = 250

/**
 * Scans the problems and reasonings of the given datasets (all when empty) in key order and
 * reports the ids that contain `query`, page by page.
 */
export async function searchTexts(
  db: TracemarkDB,
  query: string,
  datasetIds: string[],
  onBatch: (batch: SearchBatch) => void,
  pageSize = PAGE_SIZE,
): Promise<SearchSummary> {
  const re = compileQuery(query)
  if (!re) return { hits: 0, scanned: 0 }
  const ranges = datasetIds.length === 0 ? [ALL_KEYS] : [...datasetIds].sort().map(datasetKeyRange)
  let scanned = 0
  let total = 0
  for (const range of ranges) {
    let after: string | null = null
    for (;;) {
      const page = await textsPage(db, after, range, pageSize)
      if (page.length === 0) break
      const hits = page
        .filter((t) => textMatches(t.reasoning, re) || textMatches(t.problem, re))
        .map((t) => t.traceId)
      scanned += page.length
      total += hits.length
      onBatch({ hits, scanned })
      after = page[page.length - 1]!.traceId
      if (page.length < pageSize) break
    }
  }
  return { hits: total, scanned }
}
