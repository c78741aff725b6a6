/**
 * What the annotate key handlers share (use-annotate-keys.ts runs them): their options, the key
 * that waits for the next one, the span a key acts on, undo and redo.
 */
import type { RefObject } from 'react'
import { revealOffset } from '../../../components/highlighted-text/scroll-to-offset'
import { redo, undo } from '../../../data/annotations'
import type { TextAnalysis } from '../../../lib/analysis/metrics'
import { selectionRange, unitAt } from '../../../lib/annotate/cursor-moves'
import type { Suggestion } from '../../../lib/annotate/suggestions'
import type {
  Annotation,
  Relation,
  Taxonomy,
  Trace,
  TraceTexts,
} from '../../../lib/traces/trace-model'
import { useCursorStore } from '../../../stores/cursor-store'
import { useUiStore } from '../../../stores/ui-store'

export interface AnnotateKeysOptions {
  /** The view the keys act in: the DOM selection is read inside it. */
  root: RefObject<HTMLElement | null>
  texts: TraceTexts | undefined
  analysis: TextAnalysis | null
  annotations: readonly Annotation[]
  /** Of those, the ones still anchored in their text (not orphaned): the keys move over these. */
  anchored?: readonly Annotation[]
  /** The trace's relations in the order the list shows them (`v` / `V` walk it). */
  relations?: readonly Relation[]
  taxonomy: Taxonomy
  /**
   * Runs a write that records the annotator with the name, at once or, at the first annotation
   * of the browser profile, once the annotator has been asked (use-annotator-gate.ts).
   */
  withAnnotator: (run: (annotator: string) => void) => void
  /** The trace's summary, for its status, tags and note (the reader has it; compare not). */
  trace?: Trace
  /** The suggestions still to decide on, in reading order. */
  suggestions?: readonly Suggestion[]
  /**
   * The trace's spans as they are now, when `annotations` may follow a change a moment later:
   * a key pressed before they have caught up waits for them.
   */
  spansNow?: () => readonly Annotation[] | undefined
  /** False while another view (a compare pane) owns the keyboard. */
  enabled?: boolean
  onMessage: (message: string) => void
  /** `?`: show or hide the list of shortcuts. */
  onHelp?: () => void
  /** `m`: write the trace's note; `e`: the selected span's note. */
  onTraceNote?: () => void
  onSpanNote?: (id: string) => void
  /** Opens another trace (next unfinished). */
  onOpenTrace?: (traceId: string) => void
}

/** A key that waits for the next one: `t` + tag, `r` + label, `c` on a second span + relation. */
export type PendingKey =
  | { kind: 'tag' }
  | { kind: 'relabel'; spanId: string }
  | { kind: 'relation-from'; spanId: string }
  | { kind: 'relation-label'; from: string; to: string }

export function runUndo(action: 'undo' | 'redo', o: AnnotateKeysOptions, traceId: string) {
  useUiStore.getState().selectAnnotation(null)
  void (action === 'undo' ? undo(traceId) : redo(traceId)).then((what) => {
    if (what === undefined) return
    if (what === null) o.onMessage(action === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.')
    else o.onMessage(`${action === 'undo' ? 'Undone' : 'Redone'}: ${what}.`)
  })
}

export function spansOf(o: AnnotateKeysOptions) {
  return (o.anchored ?? o.annotations).filter((a) => !a.rejected && a.field === 'reasoning')
}

/** The selected span, else the span the cursor is exactly on, else the first under it. */
export function targetSpan(o: AnnotateKeysOptions, traceId: string): Annotation | undefined {
  const id = useUiStore.getState().selectedAnnotationId
  const spans = spansOf(o)
  const selected = id ? o.annotations.find((a) => a.id === id) : undefined
  if (selected) return selected
  const cursor = useCursorStore.getState().byTrace[traceId]
  if (!cursor) return undefined
  const range = selectionRange(cursor)
  return (
    spans.find((a) => a.start === range.start && a.end === range.end) ??
    unitAt(spans, range.start) ??
    undefined
  )
}

export function nameOf(taxonomy: Taxonomy, labelId: string): string {
  return taxonomy.labels.find((l) => l.id === labelId)?.name ?? labelId
}

/** Scrolls the reasoning so that `offset` is in view, when it is not. */
export function reveal(root: HTMLElement | null, offset: number) {
  const container = root?.querySelector<HTMLElement>('[data-field="reasoning"]')
  if (container) revealOffset(container, offset)
}
