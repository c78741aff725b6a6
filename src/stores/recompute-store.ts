import { create } from 'zustand'

/**
 * The running metrics recompute, if any (ephemeral: a reload ends it, and the stale count
 * shown from the database then offers to resume). Driven by the lexicons feature; read by
 * the stats view, which pauses its live reading of all traces while a recompute writes them.
 */
export interface RecomputeState {
  phase: 'idle' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed'
  lexiconName: string
  scanned: number
  updated: number
  total: number
  message: string
  set: (change: Partial<Omit<RecomputeState, 'set' | 'reset'>>) => void
  reset: () => void
}

const initial = {
  phase: 'idle',
  lexiconName: '',
  scanned: 0,
  updated: 0,
  total: 0,
  message: '',
} as const

export const useRecomputeStore = create<RecomputeState>()((set) => ({
  ...initial,
  set: (change) => set(change),
  reset: () => set(initial),
}))
