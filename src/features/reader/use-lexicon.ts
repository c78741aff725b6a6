import { useMemo } from 'react'
import { compileLexicon } from '../../lib/analysis/match-pivots'
import { PIVOT_LEXICON } from '../../lib/analysis/lexicon-presets'
import { analyseText } from '../../lib/analysis/metrics'

const compiled = compileLexicon(PIVOT_LEXICON)

/** The active lexicon (the default preset until lexicon choice lands) and its analysis of a text. */
export function useTextAnalysis(text: string | undefined) {
  const analysis = useMemo(() => (text === undefined ? null : analyseText(text, compiled)), [text])
  return { lexicon: PIVOT_LEXICON, analysis }
}
