import { useEffect } from 'react'
import { useSearchStore } from '../../stores/search-store'
import { ensureSearch } from './text-search'

const TYPING_PAUSE_MS = 250

/** Runs the table's text search over `datasetIds` (all when empty) after typing pauses. */
export function useTextSearch(datasetIds: string[]) {
  const query = useSearchStore((s) => s.query)
  const scope = datasetIds.join('\n')
  useEffect(() => {
    const ids = scope ? scope.split('\n') : []
    const timer = setTimeout(() => ensureSearch(query, ids), TYPING_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [query, scope])
}
