/** One key press of the annotate keyboard, dispatched to its group. */
import { flushSync } from 'react-dom'
import {
  cursorLayoutFresh,
  takeLayoutFresh,
} from '../../../components/highlighted-text/text-cursor'
import { nextUnfinishedTrace, removeSpan } from '../../../data/annotations'
import {
  extend,
  moveTo,
  nextUnit,
  selectionRange,
  unitAt,
  type CursorSelection,
} from '../../../lib/annotate/cursor-moves'
import type { Suggestion } from '../../../lib/annotate/suggestions'
import type { Annotation, TraceTexts } from '../../../lib/traces/trace-model'
import { useCursorStore } from '../../../stores/cursor-store'
import { useUiStore } from '../../../stores/ui-store'
import { MOVE_KEYS, STATUS_KEYS } from '../annotate-keys'
import {
  type AnnotateKeysOptions,
  type PendingKey,
  runUndo,
  spansOf,
  targetSpan,
  nameOf,
  reveal,
} from './key-context'
import { moveFor } from './move-keys'
import { labelTarget } from './label-keys'
import { decideSuggestions } from './suggestion-keys'
import { selectedRelation, stepRelation, deleteRelation } from './relation-keys'
import { setStatus, toggleTag } from './trace-keys'

/** The move keys over units the text's analysis finds (sentences, steps, pivots, backtracks). */
export const ANALYSIS_MOVE_KEYS = new Set<string>(
  [MOVE_KEYS.sentence, MOVE_KEYS.step, MOVE_KEYS.pivot, MOVE_KEYS.backtrack].flatMap((k) =>
    Object.values(k),
  ),
)

export function handleKey(
  key: string,
  o: AnnotateKeysOptions,
  texts: TraceTexts,
  setPending: (p: PendingKey | null) => void,
): boolean | 'later' {
  const traceId = texts.traceId
  const { selectedAnnotationId, selectAnnotation } = useUiStore.getState()
  const cursorStore = useCursorStore.getState()
  const cursor = cursorStore.byTrace[traceId] ?? null
  const setCursor = (selection: CursorSelection | null) => {
    // Scrolled first, while the page's layout is still clean (after the render it is not).
    if (selection) reveal(o.root.current, selectionRange(selection).start)
    // That read the layout, and the commit below changes only the cursor: drawn in it.
    cursorLayoutFresh()
    // Drawn before the handler returns, as for a key typed (React renders a typed key's update
    // right after the event; for an event sent by a script, only once the script is done).
    // Only the text's cursor layer and the popover listen to the cursor, so this is cheap.
    flushSync(() => cursorStore.setCursor(traceId, selection))
    takeLayoutFresh() // spent (when the cursor did not change, nothing took it)
  }
  const label = o.taxonomy.labels.find((l) => l.level === 'span' && l.shortcut === key)
  if (label) return labelTarget(label, o, texts, cursor)
  const traceLabel = o.taxonomy.labels.find((l) => l.level === 'trace' && l.shortcut === key)
  if (traceLabel && o.trace) return toggleTag(traceLabel, o, o.trace)

  // The reasoning's spans, filtered only for the keys that use them (not for a cursor move).
  let reasoningSpans: Annotation[] | undefined
  const spans = () => (reasoningSpans ??= spansOf(o))
  const head = cursor ? cursor.head : null

  // A move over the text's units just after it opened, before its analysis is in: kept and
  // run once it is (never dropped).
  if (!o.analysis && ANALYSIS_MOVE_KEYS.has(key)) return 'later'
  const move = moveFor(key, o.analysis, spans, o.suggestions)
  if (move) {
    if (move.extend) {
      const next = extend(move.units, cursor, move.dir)
      if (next) setCursor(next)
      return true
    }
    const unit = nextUnit(move.units, head, move.dir)
    if (!unit) {
      o.onMessage(`No ${move.what} ${move.dir === 1 ? 'after' : 'before'} the cursor.`)
      return true
    }
    setCursor(moveTo(unit))
    if (move.what === 'span') selectAnnotation((unit as Annotation).id)
    else if (selectedAnnotationId) selectAnnotation(null)
    if (move.what === 'suggestion') {
      const s = unit as Suggestion
      o.onMessage(`Suggestion: ${nameOf(o.taxonomy, s.label)} (${s.source}). a accepts, x rejects.`)
    }
    return true
  }
  const status = STATUS_KEYS[key as keyof typeof STATUS_KEYS]
  if (status) return setStatus(status, o)
  switch (key) {
    case '?':
      o.onHelp?.()
      return Boolean(o.onHelp)
    case 'Enter': {
      if (!cursor) return false
      const range = selectionRange(cursor)
      const under =
        spans().find((a) => a.start === range.start && a.end === range.end) ??
        unitAt(spans(), range.start)
      if (under) selectAnnotation(under.id)
      else o.onMessage('No span under the cursor.')
      return true
    }
    case 'Delete':
    case 'Backspace': {
      const relation = selectedRelation(o)
      if (relation) return deleteRelation(relation, o, traceId)
      if (!selectedAnnotationId) return false
      void removeSpan(selectedAnnotationId, traceId).then(
        (ok) => ok && o.onMessage('Span deleted.'),
      )
      selectAnnotation(null)
      return true
    }
    case 'v':
    case 'V':
      return stepRelation(key === 'v' ? 1 : -1, o)
    case 'Escape':
      if (useUiStore.getState().selectedRelationId) useUiStore.getState().selectRelation(null)
      else if (selectedAnnotationId) selectAnnotation(null)
      else setCursor(null)
      return true
    case 'z':
      runUndo('undo', o, traceId)
      return true
    case 'Z':
      runUndo('redo', o, traceId)
      return true
    case 'a':
    case 'x':
    case 'A':
    case 'X':
      return decideSuggestions(key, o, texts, cursor)
    case 't': {
      if (!o.trace) return false
      const tags = o.taxonomy.labels.filter((l) => l.level === 'trace')
      if (tags.length === 0) {
        o.onMessage(`${o.taxonomy.name} has no trace labels to tag with.`)
        return true
      }
      setPending({ kind: 'tag' })
      o.onMessage(`Tag the trace: ${tags.map((l, i) => `${i + 1} ${l.name}`).join(' · ')}`)
      return true
    }
    case 'r': {
      const span = targetSpan(o, traceId)
      if (!span) {
        o.onMessage('Select a span first (. or , or Enter), then r and a label key.')
        return true
      }
      selectAnnotation(span.id)
      setPending({ kind: 'relabel', spanId: span.id })
      o.onMessage(`Relabel “${span.quote.slice(0, 40)}”: press a label key.`)
      return true
    }
    case 'c': {
      const span = targetSpan(o, traceId)
      if (!span) {
        o.onMessage('Select a span first, then c to start a relation from it.')
        return true
      }
      selectAnnotation(span.id)
      setPending({ kind: 'relation-from', spanId: span.id })
      o.onMessage(`Relation from “${span.quote.slice(0, 40)}”: select the other span, press c.`)
      return true
    }
    case 'e': {
      const span = targetSpan(o, traceId)
      if (!span || !o.onSpanNote) {
        o.onMessage('Select a span first, then e to write its note.')
        return true
      }
      // Drawn now, so that the note field is there to take the very next key typed.
      flushSync(() => selectAnnotation(span.id))
      o.onSpanNote(span.id)
      return true
    }
    case 'm':
      if (!o.onTraceNote) return false
      o.onTraceNote()
      return true
    case 'u': {
      const trace = o.trace
      if (!trace || !o.onOpenTrace) return false
      const open = o.onOpenTrace
      const order = useUiStore.getState().browseOrder.ids()
      void nextUnfinishedTrace(trace.id, trace.datasetId, order).then((id) => {
        if (id) open(id)
        else if (id === null) o.onMessage('Every later trace is done.')
      })
      return true
    }
    default:
      return false
  }
}
