import { keepRecent } from '../collections/keep-recent'
import type { CompiledLexicon } from './match-pivots'
import { analyseText, type TextAnalysis } from './metrics'

/** Texts whose analysis is kept, per compiled lexicon: the reader's last traces, compare's panes. */
const KEPT = 8

const byLexicon = new WeakMap<CompiledLexicon, Map<string, TextAnalysis>>()

/**
 * `analyseText`, kept for the last few texts analysed with `compiled` (compiledLexicon hands the
 * same one back while the lexicon is unchanged): going back to a trace, or adding a span in
 * compare (which reads the panes again), does not analyse the same text again. Texts are keyed
 * by their content; the views pass the same string object for an unchanged text
 * (data/traces.ts), so a lookup does not compare them character by character.
 */
export function recentAnalysis(text: string, compiled: CompiledLexicon): TextAnalysis {
  let kept = byLexicon.get(compiled)
  if (!kept) byLexicon.set(compiled, (kept = new Map()))
  return keepRecent(kept, text, kept.get(text) ?? analyseText(text, compiled), KEPT)
}
