/** The cursor keys (annotate-keys.ts MOVE_KEYS): which units a key moves over, and which way. */
import type { TextAnalysis } from '../../../lib/analysis/metrics'
import { type TextSpan } from '../../../lib/annotate/cursor-moves'
import type { Suggestion } from '../../../lib/annotate/suggestions'
import type { Annotation } from '../../../lib/traces/trace-model'
import { MOVE_KEYS } from '../annotate-keys'

export interface Move {
  what: string
  units: readonly TextSpan[]
  dir: 1 | -1
  extend: boolean
}

export function moveFor(
  key: string,
  analysis: TextAnalysis | null,
  /** The reasoning's spans, asked for only by the span keys. */
  spans: () => Annotation[],
  suggestions: readonly Suggestion[] | undefined,
): Move | null {
  const m = MOVE_KEYS
  const by = (what: string, units: readonly TextSpan[] | undefined, dir: 1 | -1, ext = false) =>
    units ? { what, units, dir, extend: ext } : null
  switch (key) {
    case m.sentence.next:
      return by('sentence', analysis?.sentences, 1)
    case m.sentence.previous:
      return by('sentence', analysis?.sentences, -1)
    case m.sentence.extendNext:
      return by('sentence', analysis?.sentences, 1, true)
    case m.sentence.extendPrevious:
      return by('sentence', analysis?.sentences, -1, true)
    case m.step.next:
      return by('step', analysis?.steps, 1)
    case m.step.previous:
      return by('step', analysis?.steps, -1)
    case m.step.extendNext:
      return by('step', analysis?.steps, 1, true)
    case m.step.extendPrevious:
      return by('step', analysis?.steps, -1, true)
    case m.pivot.next:
      return by('pivot', analysis?.pivots, 1)
    case m.pivot.previous:
      return by('pivot', analysis?.pivots, -1)
    case m.backtrack.next:
      return by('backtrack', analysis?.backtracks, 1)
    case m.backtrack.previous:
      return by('backtrack', analysis?.backtracks, -1)
    case m.suggestion.next:
      return by('suggestion', suggestions, 1)
    case m.suggestion.previous:
      return by('suggestion', suggestions, -1)
    case m.span.next:
      return by('span', spans(), 1)
    case m.span.previous:
      return by('span', spans(), -1)
    default:
      return null
  }
}
