import { create } from 'zustand'
import type { CursorSelection } from '../lib/annotate/cursor-moves'

/**
 * The annotation cursor of each open trace (ephemeral, DESIGN section 2): keyed by trace id,
 * so a reader and compare panes each keep their own.
 */
interface CursorState {
  byTrace: Record<string, CursorSelection | undefined>
  setCursor: (traceId: string, selection: CursorSelection | null) => void
  reset: () => void
}

export const useCursorStore = create<CursorState>()((set) => ({
  byTrace: {},
  setCursor: (traceId, selection) =>
    set((s) => ({ byTrace: { ...s.byTrace, [traceId]: selection ?? undefined } })),
  reset: () => set({ byTrace: {} }),
}))

/** The cursor of one trace (undefined when it has none). */
export function useTraceCursor(traceId: string): CursorSelection | undefined {
  return useCursorStore((s) => s.byTrace[traceId])
}
