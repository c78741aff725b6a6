import { create } from 'zustand'
import { EMPTY_FILTER, type TraceFilter } from '../lib/traces/trace-filter'

/** The traces table's current filter: ephemeral, shared with the stats view. */
interface TraceFilterState {
  filter: TraceFilter
  setFilter: (change: Partial<TraceFilter>) => void
  reset: () => void
}

export const useTraceFilterStore = create<TraceFilterState>()((set) => ({
  filter: EMPTY_FILTER,
  setFilter: (change) => set((s) => ({ filter: { ...s.filter, ...change } })),
  reset: () => set({ filter: EMPTY_FILTER }),
}))
