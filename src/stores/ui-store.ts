import { create } from 'zustand'
import { NO_ID_ORDER, type IdOrder } from '../lib/traces/trace-order'

/**
 * Ephemeral UI state (DESIGN section 2): what need not survive a reload. Persisted preferences
 * go to the `prefs` table instead.
 */
export type LayerName = 'pivots' | 'backtracks' | 'annotations' | 'steps' | 'search'

interface UiState {
  /** Traces picked in the table, by id, for compare. */
  selectedTraceIds: Record<string, true>
  layers: Record<LayerName, boolean>
  selectedAnnotationId: string | null
  /** A relation picked in the reader's list (`v` / `V`): Delete removes it. Never both. */
  selectedRelationId: string | null
  /** Trace ids in the traces table's current order and filter: the reader's next and previous. */
  browseOrder: IdOrder
  /** The traces table's sort, kept while the reader is open. */
  traceSorting: { id: string; desc: boolean }[]
  /**
   * A key waits for the next one (the annotate keyboard's `t`, `r`, `c`): that next key is
   * its, and other key handlers (the reader's `n` / `p`) leave it alone.
   */
  keyPending: boolean
  setSelectedTraceIds: (
    next: Record<string, true> | ((old: Record<string, true>) => Record<string, true>),
  ) => void
  toggleLayer: (layer: LayerName) => void
  selectAnnotation: (id: string | null) => void
  selectRelation: (id: string | null) => void
  setKeyPending: (pending: boolean) => void
  setBrowseOrder: (order: IdOrder) => void
  setTraceSorting: (
    next:
      | { id: string; desc: boolean }[]
      | ((old: { id: string; desc: boolean }[]) => { id: string; desc: boolean }[]),
  ) => void
  reset: () => void
}

const initial = {
  selectedTraceIds: {},
  layers: { pivots: true, backtracks: true, annotations: true, steps: true, search: true },
  selectedAnnotationId: null,
  selectedRelationId: null,
  browseOrder: NO_ID_ORDER,
  traceSorting: [] as { id: string; desc: boolean }[],
  keyPending: false,
}

export const useUiStore = create<UiState>()((set) => ({
  ...initial,
  setSelectedTraceIds: (next) =>
    set((s) => ({
      selectedTraceIds: typeof next === 'function' ? next(s.selectedTraceIds) : next,
    })),
  toggleLayer: (layer) => set((s) => ({ layers: { ...s.layers, [layer]: !s.layers[layer] } })),
  // A span and a relation are never selected at once, so Delete has one meaning.
  selectAnnotation: (id) =>
    set((s) => ({
      selectedAnnotationId: id,
      selectedRelationId: id === null ? s.selectedRelationId : null,
    })),
  selectRelation: (id) =>
    set((s) => ({
      selectedRelationId: id,
      selectedAnnotationId: id === null ? s.selectedAnnotationId : null,
    })),
  setKeyPending: (pending) => set({ keyPending: pending }),
  setBrowseOrder: (order) => set({ browseOrder: order }),
  setTraceSorting: (next) =>
    set((s) => ({ traceSorting: typeof next === 'function' ? next(s.traceSorting) : next })),
  reset: () => set(initial),
}))
