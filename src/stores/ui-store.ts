import { create } from 'zustand'

/**
 * Ephemeral UI state (DESIGN section 2): what need not survive a reload. Persisted preferences
 * go to the `prefs` table instead.
 */
export type LayerName = 'pivots' | 'backtracks' | 'annotations' | 'steps'

interface UiState {
  /** Traces picked in the table, by id, for compare. */
  selectedTraceIds: Record<string, true>
  layers: Record<LayerName, boolean>
  selectedAnnotationId: string | null
  setSelectedTraceIds: (
    next: Record<string, true> | ((old: Record<string, true>) => Record<string, true>),
  ) => void
  toggleLayer: (layer: LayerName) => void
  selectAnnotation: (id: string | null) => void
  reset: () => void
}

const initial = {
  selectedTraceIds: {},
  layers: { pivots: true, backtracks: true, annotations: true, steps: true },
  selectedAnnotationId: null,
}

export const useUiStore = create<UiState>()((set) => ({
  ...initial,
  setSelectedTraceIds: (next) =>
    set((s) => ({
      selectedTraceIds: typeof next === 'function' ? next(s.selectedTraceIds) : next,
    })),
  toggleLayer: (layer) => set((s) => ({ layers: { ...s.layers, [layer]: !s.layers[layer] } })),
  selectAnnotation: (id) => set({ selectedAnnotationId: id }),
  reset: () => set(initial),
}))
