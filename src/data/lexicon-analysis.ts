/**
 * What the active lexicon finds: its analysis of one text (the reader) and how many stored
 * metrics are out of date (the lexicons page). Apart from lexicons.ts so that the first screen,
 * which only reads the active lexicon, does not load the analysis code (issue #14).
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import { db } from '../db/instance'
import { listAllTraceSummaries } from '../db/stats'
import { PIVOT_LEXICON } from '../lib/analysis/lexicon-presets'
import { compiledLexicon } from '../lib/analysis/match-pivots'
import { recentAnalysis } from '../lib/analysis/recent-analyses'
import { metricsStatus, type MetricsStatus } from '../lib/analysis/metrics-status'
import type { Lexicon } from '../lib/traces/trace-model'
import { useActiveLexicon } from './lexicons'
import { useRecomputeRunning } from './recompute'

/**
 * The active lexicon and its analysis of a text. Until the lexicon is read (a few ms) the
 * analysis is null, so a trace is never highlighted with a lexicon that is not the active one.
 */
export function useTextAnalysis(text: string | undefined) {
  const active = useActiveLexicon()
  const compiled = useMemo(() => (active === undefined ? null : compiledLexicon(active)), [active])
  const analysis = useMemo(
    () => (text === undefined || compiled === null ? null : recentAnalysis(text, compiled)),
    [text, compiled],
  )
  return { lexicon: active ?? PIVOT_LEXICON, analysis }
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
    return metricsStatus(rows, compiledLexicon(active))
  }, [active, running])
}
