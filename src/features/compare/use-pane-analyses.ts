import { useMemo } from 'react'
import { compiledLexicon } from '../../lib/analysis/match-pivots'
import { PIVOT_LEXICON } from '../../lib/analysis/lexicon-presets'
import { recentAnalysis } from '../../lib/analysis/recent-analyses'
import { useActiveLexicon } from '../../data/lexicons'
import type { PaneTrace } from './use-compare-data'

/**
 * The active lexicon's analysis of each pane's reasoning (pivots, steps, backtracks), reused
 * while a pane's text is unchanged: adding a span re-reads the panes but never re-analyses them.
 * Null until the lexicon is read, so a trace is never drawn with another lexicon's pivots.
 */
export function usePaneAnalyses(panes: readonly PaneTrace[]) {
  const active = useActiveLexicon()
  const compiled = useMemo(() => (active === undefined ? null : compiledLexicon(active)), [active])
  const analyses = useMemo(
    () =>
      panes.map((p) => (compiled === null ? null : recentAnalysis(p.texts.reasoning, compiled))),
    [panes, compiled],
  )
  return { lexicon: active ?? PIVOT_LEXICON, analyses }
}
