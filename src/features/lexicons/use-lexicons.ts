import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback } from 'react'
import { db } from '../../db/instance'
import { listAllTraceSummaries } from '../../db/stats'
import { deleteLexicon, getActiveLexicon, saveLexicon, setActiveLexicon } from '../../db/lexicons'
import { useActiveLexicon, useLexiconList } from '../../data/lexicons'
import { recompute, useRecomputeRunning } from '../../data/recompute'
import { copyLexicon } from '../../lib/analysis/lexicon-edit'
import { compileLexicon } from '../../lib/analysis/match-pivots'
import { metricsStatus, type MetricsStatus } from '../../lib/analysis/metrics-status'
import { newId } from '../../lib/traces/ids'
import type { Lexicon } from '../../lib/traces/trace-model'

/** Every lexicon, the active one, and the actions that change them (recomputing when needed). */
export function useLexicons() {
  const lexicons = useLexiconList()
  const active = useActiveLexicon()

  const activate = useCallback(async (lexicon: Lexicon) => {
    await setActiveLexicon(db, lexicon.id)
    void recompute(lexicon)
  }, [])

  const save = useCallback(
    async (lexicon: Lexicon) => {
      await saveLexicon(db, lexicon)
      if (active?.id === lexicon.id) void recompute(lexicon)
    },
    [active],
  )

  const duplicate = useCallback(async (source: Lexicon, name?: string) => {
    const copy = copyLexicon(source, newId(), name)
    await saveLexicon(db, copy)
    return copy
  }, [])

  const remove = useCallback(
    async (lexicon: Lexicon) => {
      const wasActive = active?.id === lexicon.id
      await deleteLexicon(db, lexicon.id)
      if (wasActive) void recompute(await getActiveLexicon(db))
    },
    [active],
  )

  return { lexicons, active, activate, save, duplicate, remove }
}

/**
 * How many traces carry metrics of another lexicon (or an older version of the active one).
 * Reads every summary, so it is not re-run while a recompute is writing them.
 */
export function useMetricsStatus(active: Lexicon | undefined): MetricsStatus | undefined {
  const running = useRecomputeRunning()
  return useLiveQuery(async () => {
    if (active === undefined || running) return undefined
    const rows = await listAllTraceSummaries(db)
    return metricsStatus(rows, compileLexicon(active))
  }, [active, running])
}
