/** a / x / A / X: suggestions accepted or rejected, one or a whole label at a time. */
import { flushSync } from 'react-dom'
import { commitSpans, manualSpan } from '../../../data/annotations'
import { selectionRange, type CursorSelection } from '../../../lib/annotate/cursor-moves'
import { suggestionAt, type Suggestion } from '../../../lib/annotate/suggestions'
import type { TraceTexts } from '../../../lib/traces/trace-model'
import { useUiStore } from '../../../stores/ui-store'
import { type AnnotateKeysOptions, nameOf } from './key-context'

/** a / x: the suggestion under the cursor; A / X: every suggestion of its label. */
export function decideSuggestions(
  key: 'a' | 'x' | 'A' | 'X',
  o: AnnotateKeysOptions,
  texts: TraceTexts,
  cursor: CursorSelection | null,
): boolean {
  const list = o.suggestions ?? []
  if (!cursor) {
    o.onMessage('Move to a suggestion first (s / S), then a accepts, x rejects.')
    return true
  }
  const range = selectionRange(cursor)
  const under =
    list.find((s) => s.start === range.start && s.end === range.end) ??
    suggestionAt(list, range.start)
  if (!under) {
    o.onMessage('No suggestion under the cursor (s / S moves to one).')
    return true
  }
  const accept = key === 'a' || key === 'A'
  const picked = key === 'a' || key === 'x' ? [under] : list.filter((s) => s.label === under.label)
  decideAll(picked, accept, o, texts)
  return true
}

/** Stores suggestions as spans (origin `suggestion`), accepted or rejected: one undo step. */
export function decideAll(
  picked: readonly Suggestion[],
  accept: boolean,
  o: Pick<AnnotateKeysOptions, 'taxonomy' | 'withAnnotator' | 'onMessage'>,
  texts: TraceTexts,
) {
  if (picked.length === 0) return
  o.withAnnotator((annotator) => {
    const now = Date.now()
    const rows = picked.map((s) =>
      manualSpan(
        {
          traceId: texts.traceId,
          field: 'reasoning',
          text: texts.reasoning,
          start: s.start,
          end: s.end,
          label: s.label,
          annotator,
          origin: 'suggestion',
          rejected: !accept,
        },
        now,
      ),
    )
    const name = nameOf(o.taxonomy, picked[0]!.label)
    const what =
      picked.length === 1
        ? `${accept ? 'accept' : 'reject'} the suggestion ${name}`
        : `${accept ? 'accept' : 'reject'} ${picked.length} suggestions ${name}`
    // Drawn before the handler returns (see setCursor in handle-key.ts); written behind.
    let written: Promise<boolean> | undefined
    flushSync(() => {
      o.onMessage(`${what[0]!.toUpperCase()}${what.slice(1)}.`)
      if (accept && picked.length === 1) useUiStore.getState().selectAnnotation(rows[0]!.id)
      written = commitSpans(what, { traceId: texts.traceId, put: rows })
    })
    void written
  })
}
