import { useEffect, useRef, type RefObject } from 'react'
import { selectionOffsets } from '../../components/highlighted-text/dom-offsets'
import { isEditable } from '../../components/keyboard/is-editable'
import { commitSpans, manualSpan, removeSpan } from '../../data/annotations'
import { revealOffset } from '../../components/highlighted-text/scroll-to-offset'
import type { TextAnalysis } from '../../lib/analysis/metrics'
import {
  extend,
  moveTo,
  nextUnit,
  selectionRange,
  unitAt,
  type CursorSelection,
  type TextSpan,
} from '../../lib/annotate/cursor-moves'
import {
  TEXT_FIELDS,
  type Annotation,
  type TaxonomyLabel,
  type TextField,
  type TraceTexts,
} from '../../lib/traces/trace-model'
import { useCursorStore } from '../../stores/cursor-store'
import { useUiStore } from '../../stores/ui-store'
import { MOVE_KEYS } from './annotate-keys'

export interface AnnotateKeysOptions {
  /** The view the keys act in: the DOM selection is read inside it. */
  root: RefObject<HTMLElement | null>
  texts: TraceTexts | undefined
  analysis: TextAnalysis | null
  annotations: readonly Annotation[]
  labels: readonly TaxonomyLabel[]
  annotator: string
  /** False while another view (a compare pane) owns the keyboard. */
  enabled?: boolean
  onMessage: (message: string) => void
  /** `?`: show or hide the list of shortcuts. */
  onHelp?: () => void
}

/**
 * The annotate keyboard of one trace view (see annotate-keys.ts for the bindings): a cursor
 * over the reasoning that moves by sentence, step, pivot, backtrack and span, Shift to extend,
 * a label key to label the selection or the cursor, Delete, Enter, Escape.
 */
export function useAnnotateKeys(options: AnnotateKeysOptions) {
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isEditable(e.target)) return
      const o = latest.current
      // A dialog open over the page (the shortcut list) takes the keys itself.
      if (o.enabled === false || !o.texts || document.querySelector('dialog[open]')) return
      if (handleKey(e.key, o, o.texts)) e.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}

function handleKey(key: string, o: AnnotateKeysOptions, texts: TraceTexts): boolean {
  const traceId = texts.traceId
  const { selectedAnnotationId, selectAnnotation } = useUiStore.getState()
  const cursorStore = useCursorStore.getState()
  const cursor = cursorStore.byTrace[traceId] ?? null
  const setCursor = (selection: CursorSelection | null) => {
    cursorStore.setCursor(traceId, selection)
    if (selection) reveal(o.root.current, selectionRange(selection).start)
  }
  const spans = o.annotations.filter((a) => !a.rejected && a.field === 'reasoning')
  const head = cursor ? cursor.head : null

  const label = o.labels.find((l) => l.level === 'span' && l.shortcut === key)
  if (label) return labelTarget(label, o, texts, cursor)

  const move = moveFor(key, o.analysis, spans)
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
    return true
  }
  switch (key) {
    case '?':
      o.onHelp?.()
      return Boolean(o.onHelp)
    case 'Enter': {
      if (!cursor) return false
      const range = selectionRange(cursor)
      const under =
        spans.find((a) => a.start === range.start && a.end === range.end) ??
        unitAt(spans, range.start)
      if (under) selectAnnotation(under.id)
      else o.onMessage('No span under the cursor.')
      return true
    }
    case 'Delete':
    case 'Backspace':
      if (!selectedAnnotationId) return false
      void removeSpan(selectedAnnotationId, traceId).then(
        (ok) => ok && o.onMessage('Span deleted.'),
      )
      selectAnnotation(null)
      return true
    case 'Escape':
      if (selectedAnnotationId) selectAnnotation(null)
      else setCursor(null)
      return true
    default:
      return false
  }
}

interface Move {
  what: string
  units: readonly TextSpan[]
  dir: 1 | -1
  extend: boolean
}

function moveFor(key: string, analysis: TextAnalysis | null, spans: Annotation[]): Move | null {
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
    case m.span.next:
      return by('span', spans, 1)
    case m.span.previous:
      return by('span', spans, -1)
    default:
      return null
  }
}

/** Labels the DOM selection, else the cursor's range; an identical span is not made twice. */
function labelTarget(
  label: TaxonomyLabel,
  o: AnnotateKeysOptions,
  texts: TraceTexts,
  cursor: CursorSelection | null,
): boolean {
  const dom = selectedField(o.root.current)
  const target =
    dom ?? (cursor ? { field: 'reasoning' as const, range: selectionRange(cursor) } : null)
  if (!target) {
    o.onMessage(
      `Select some text, or move the cursor with j/k, then press ${label.shortcut} (${label.name}).`,
    )
    return false
  }
  const { field, range } = target
  const same = o.annotations.find(
    (a) =>
      !a.rejected &&
      a.field === field &&
      a.start === range.start &&
      a.end === range.end &&
      a.label === label.id,
  )
  if (same) {
    useUiStore.getState().selectAnnotation(same.id)
    o.onMessage(`Already labelled ${label.name} here: not added twice.`)
    return true
  }
  const a = manualSpan({
    traceId: texts.traceId,
    field,
    text: texts[field],
    ...range,
    label: label.id,
    annotator: o.annotator,
  })
  // Shown and selected at once; written behind (a failure is told and undone).
  window.getSelection()?.removeAllRanges()
  useUiStore.getState().selectAnnotation(a.id)
  if (dom && field === 'reasoning')
    useCursorStore.getState().setCursor(texts.traceId, moveTo(range))
  o.onMessage(`Added ${label.name}: “${a.quote.slice(0, 60)}”`)
  void commitSpans(`save the span “${a.quote.slice(0, 30)}”`, { traceId: a.traceId, put: [a] })
  return true
}

function selectedField(root: HTMLElement | null) {
  const selection = window.getSelection()
  if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const common = selection.getRangeAt(0).commonAncestorContainer
  const el = (common instanceof Element ? common : common.parentElement)?.closest<HTMLElement>(
    '[data-field]',
  )
  const field = el?.dataset.field as TextField | undefined
  if (!el || !root.contains(el) || !field || !TEXT_FIELDS.includes(field)) return null
  const range = selectionOffsets(el)
  return range ? { field, range } : null
}

/** Scrolls the reasoning so that `offset` is in view, when it is not. */
function reveal(root: HTMLElement | null, offset: number) {
  const container = root?.querySelector<HTMLElement>('[data-field="reasoning"]')
  if (container) revealOffset(container, offset)
}
