import { useCallback } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Lexicon } from '../../lib/traces/trace-model'
import { useRecomputeStore } from '../../stores/recompute-store'
import {
  RecomputeCancelled,
  startRecompute,
  type RecomputeHandle,
} from '../../workers/recompute-client'

/** One recompute at a time per tab; the handle outlives the page that started it. */
let running: RecomputeHandle | null = null

export async function recompute(lexicon: Lexicon): Promise<void> {
  const store = useRecomputeStore.getState()
  running?.cancel()
  store.set({
    phase: 'running',
    lexiconName: lexicon.name,
    scanned: 0,
    updated: 0,
    total: 0,
    message: '',
  })
  const handle = startRecompute(lexicon, (p) => {
    if (running === handle)
      useRecomputeStore.getState().set({ scanned: p.scanned, updated: p.updated, total: p.total })
  })
  running = handle
  try {
    const summary = await handle.done
    if (running !== handle) return
    useRecomputeStore.getState().set({
      phase: 'done',
      scanned: summary.scanned,
      updated: summary.updated,
      total: summary.total,
    })
  } catch (error) {
    if (running !== handle) return
    const cancelled = error instanceof RecomputeCancelled
    useRecomputeStore.getState().set({
      phase: cancelled ? 'cancelled' : 'failed',
      message: error instanceof Error ? error.message : String(error),
    })
  } finally {
    if (running === handle) running = null
  }
}

export function useRecompute() {
  const state = useRecomputeStore(
    useShallow((s) => ({
      phase: s.phase,
      lexiconName: s.lexiconName,
      scanned: s.scanned,
      updated: s.updated,
      total: s.total,
      message: s.message,
    })),
  )
  const cancel = useCallback(() => {
    if (running === null) return
    useRecomputeStore.getState().set({ phase: 'cancelling' })
    running.cancel()
  }, [])
  return { ...state, start: recompute, cancel }
}
