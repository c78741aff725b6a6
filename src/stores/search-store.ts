import { create } from 'zustand'

/**
 * The traces table's text search: the query typed and the progress of the scan that runs in
 * the search worker. The ids it finds go to the filter store (`filter.searchHits`), where the
 * table and the stats view read them.
 */
export type SearchPhase = 'idle' | 'searching' | 'done' | 'failed'

interface SearchState {
  query: string
  phase: SearchPhase
  scanned: number
  hits: number
  setQuery: (query: string) => void
  setProgress: (change: Partial<Pick<SearchState, 'phase' | 'scanned' | 'hits'>>) => void
  reset: () => void
}

const initial = { query: '', phase: 'idle' as SearchPhase, scanned: 0, hits: 0 }

export const useSearchStore = create<SearchState>()((set) => ({
  ...initial,
  setQuery: (query) => set({ query }),
  setProgress: (change) => set(change),
  reset: () => set(initial),
}))
