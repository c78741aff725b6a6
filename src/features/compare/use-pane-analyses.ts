import { useMemo } from 'react'
import { compileLexicon, type CompiledLexicon } from '../../lib/analysis/match-pivots'
import { PIVOT_LEXICON } from '../../lib/analysis/lexicon-presets'
import { analyseText, type TextAnalysis } from '../../lib/analysis/metrics'
import { useActiveLexicon } from '../../data/lexicons'
import type { PaneTrace } from './use-compare-data'

/** Analyses by compiled lexicon, then trace id: dropped with the lexicon they were made with. */
const cache = new WeakMap<CompiledLexicon, Map<string, { text: string; analysis: TextAnalysis }>>()

function analysisOf(compiled: CompiledLexicon, traceId: string, text: string): TextAnalysis {
  let byTrace = cache.get(compiled)
  if (!byTrace) cache.set(compiled, (byTrace = new Map()))
  const hit = byTrace.get(traceId)
  if (hit && hit.text === text) return hit.analysis
  const analysis = analyseText(text, compiled)
  byTrace.set(traceId, { text, analysis })
  return analysis
}

/**
 * The active lexicon's analysis of each pane's reasoning (pivots, steps, backtracks), reused
 * while a pane's text is unchanged: adding a span re-reads the panes but never re-analyses them.
 * Null until the lexicon is read, so a trace is never drawn with another lexicon's pivots.
 */
export function usePaneAnalyses(panes: readonly PaneTrace[]) {
  const active = useActiveLexicon()
  const compiled = useMemo(() => (active === undefined ? null : compileLexicon(active)), [active])
  const analyses = useMemo(
    () =>
      panes.map((p) =>
        compiled === null ? null : analysisOf(compiled, p.trace.id, p.texts.reasoning),
      ),
    [panes, compiled],
  )
  return { lexicon: active ?? PIVOT_LEXICON, analyses }
}
