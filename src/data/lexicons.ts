/** Lexicons: the active one (live, everywhere it is shown), the list, and its analysis of a text. */
import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import { db } from '../db/instance'
import { getActiveLexicon, listLexicons } from '../db/lexicons'
import { PIVOT_LEXICON } from '../lib/analysis/lexicon-presets'
import { compileLexicon } from '../lib/analysis/match-pivots'
import { analyseText } from '../lib/analysis/metrics'
import type { Lexicon } from '../lib/traces/trace-model'

/** The active lexicon (a pref, live: switching it elsewhere re-highlights open traces). */
export function useActiveLexicon(): Lexicon | undefined {
  return useLiveQuery(() => getActiveLexicon(db), [])
}

/** Presets first, then the user's lexicons by name. */
export function useLexiconList(): Lexicon[] | undefined {
  return useLiveQuery(() => listLexicons(db), [])
}

/**
 * The active lexicon and its analysis of a text. Until the lexicon is read (a few ms) the
 * analysis is null, so a trace is never highlighted with a lexicon that is not the active one.
 */
export function useTextAnalysis(text: string | undefined) {
  const active = useActiveLexicon()
  const compiled = useMemo(() => (active === undefined ? null : compileLexicon(active)), [active])
  const analysis = useMemo(
    () => (text === undefined || compiled === null ? null : analyseText(text, compiled)),
    [text, compiled],
  )
  return { lexicon: active ?? PIVOT_LEXICON, analysis }
}
