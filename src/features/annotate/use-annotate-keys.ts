import { useEffect, useRef, type RefObject } from 'react'
import { flushSync } from 'react-dom'
import { selectionOffsets } from '../../components/highlighted-text/dom-offsets'
import { isEditable } from '../../components/keyboard/is-editable'
import { revealOffset } from '../../components/highlighted-text/scroll-to-offset'
import {
  commitSpans,
  manualSpan,
  nextUnfinishedTrace,
  redo,
  removeSpan,
  toggleTraceTag,
  undo,
} from '../../data/annotations'
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
import { suggestionAt, type Suggestion } from '../../lib/annotate/suggestions'
import { newId } from '../../lib/traces/ids'
import {
  TEXT_FIELDS,
  type Annotation,
  type Relation,
  type Taxonomy,
  type TaxonomyLabel,
  type TextField,
  type Trace,
  type TraceStatus,
  type TraceTexts,
} from '../../lib/traces/trace-model'
import { useCursorStore } from '../../stores/cursor-store'
import { useUiStore } from '../../stores/ui-store'
import { MOVE_KEYS, RELATION_LABELS, STATUS_KEYS } from './annotate-keys'

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

/**
 * The annotate keyboard of one trace view (see annotate-keys.ts for the bindings): a cursor
 * over the reasoning that moves by sentence, step, pivot, backtrack, suggestion and span, Shift
 * to extend, a label key to label the selection or the cursor, suggestions accepted or rejected,
 * relabel, relations, trace status, tags and note, undo and redo.
 */
export function useAnnotateKeys(
  options: AnnotateKeysOptions,
  onPending?: (pending: PendingKey | null) => void,
) {
  const latest = useRef(options)
  const pending = useRef<PendingKey | null>(null)
  const onPendingRef = useRef(onPending)
  useEffect(() => {
    latest.current = options
    onPendingRef.current = onPending
  })
  useEffect(() => {
    const setPending = (p: PendingKey | null) => {
      pending.current = p
      useUiStore.getState().setKeyPending(p !== null)
      onPendingRef.current?.(p)
    }
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.metaKey || e.altKey || isEditable(e.target)) return
      const o = latest.current
      // A dialog open over the page (the shortcut list) takes the keys itself.
      if (o.enabled === false || !o.texts || document.querySelector('dialog[open]')) return
      if (e.ctrlKey) {
        const k = e.key.toLowerCase()
        const action = k === 'y' || (k === 'z' && e.shiftKey) ? 'redo' : k === 'z' ? 'undo' : null
        if (!action) return
        e.preventDefault()
        runUndo(action, o, o.texts.traceId)
        return
      }
      const waiting = pending.current
      if (waiting) {
        setPending(null)
        if (e.key === 'Escape') {
          o.onMessage('Cancelled.')
          e.preventDefault()
          return
        }
        if (finishPending(waiting, e.key, o, o.texts, setPending)) {
          e.preventDefault()
          return
        }
      }
      if (handleKey(e.key, o, o.texts, setPending)) e.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      if (pending.current) useUiStore.getState().setKeyPending(false)
    }
  }, [])
}

function runUndo(action: 'undo' | 'redo', o: AnnotateKeysOptions, traceId: string) {
  useUiStore.getState().selectAnnotation(null)
  void (action === 'undo' ? undo(traceId) : redo(traceId)).then((what) => {
    if (what === undefined) return
    if (what === null) o.onMessage(action === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.')
    else o.onMessage(`${action === 'undo' ? 'Undone' : 'Redone'}: ${what}.`)
  })
}

function spansOf(o: AnnotateKeysOptions) {
  return (o.anchored ?? o.annotations).filter((a) => !a.rejected && a.field === 'reasoning')
}

/** The selected span, else the span the cursor is exactly on, else the first under it. */
function targetSpan(o: AnnotateKeysOptions, traceId: string): Annotation | undefined {
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

function handleKey(
  key: string,
  o: AnnotateKeysOptions,
  texts: TraceTexts,
  setPending: (p: PendingKey | null) => void,
): boolean {
  const traceId = texts.traceId
  const { selectedAnnotationId, selectAnnotation } = useUiStore.getState()
  const cursorStore = useCursorStore.getState()
  const cursor = cursorStore.byTrace[traceId] ?? null
  const setCursor = (selection: CursorSelection | null) => {
    cursorStore.setCursor(traceId, selection)
    if (selection) reveal(o.root.current, selectionRange(selection).start)
  }
  const spans = spansOf(o)
  const head = cursor ? cursor.head : null

  const label = o.taxonomy.labels.find((l) => l.level === 'span' && l.shortcut === key)
  if (label) return labelTarget(label, o, texts, cursor)
  const traceLabel = o.taxonomy.labels.find((l) => l.level === 'trace' && l.shortcut === key)
  if (traceLabel && o.trace) return toggleTag(traceLabel, o, o.trace)

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
        spans.find((a) => a.start === range.start && a.end === range.end) ??
        unitAt(spans, range.start)
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
      const order = useUiStore.getState().browseOrder
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

/** The second key of `t`, `r` and `c`; false when it does not fit (it then acts on its own). */
function finishPending(
  waiting: PendingKey,
  key: string,
  o: AnnotateKeysOptions,
  texts: TraceTexts,
  setPending: (p: PendingKey | null) => void,
): boolean {
  switch (waiting.kind) {
    case 'tag': {
      const tags = o.taxonomy.labels.filter((l) => l.level === 'trace')
      const n = Number(key)
      const tag =
        tags.find((l) => l.shortcut !== '' && l.shortcut === key) ??
        (Number.isInteger(n) && n >= 1 ? tags[n - 1] : undefined)
      if (!tag || !o.trace) {
        o.onMessage(`No trace label ${key}.`)
        return true
      }
      return toggleTag(tag, o, o.trace)
    }
    case 'relabel': {
      const label = o.taxonomy.labels.find((l) => l.level === 'span' && l.shortcut === key)
      const span = o.annotations.find((a) => a.id === waiting.spanId)
      if (!label || !span) {
        o.onMessage(label ? 'The span is gone.' : `No label on key ${key}: not relabelled.`)
        return true
      }
      if (span.label === label.id) {
        o.onMessage(`Already ${label.name}.`)
        return true
      }
      const changed = { ...span, label: label.id, updatedAt: Date.now() }
      o.onMessage(`Relabelled ${nameOf(o.taxonomy, span.label)} → ${label.name}.`)
      void commitSpans(`relabel as ${label.name}`, { traceId: texts.traceId, put: [changed] })
      return true
    }
    case 'relation-from': {
      // Moves (to the other span) keep the relation waiting.
      if (key !== 'c') {
        setPending(waiting)
        return false
      }
      const to = targetSpan(o, texts.traceId)
      if (!to || to.id === waiting.spanId) {
        o.onMessage('Select another span (. or ,), then press c again.')
        setPending(waiting)
        return true
      }
      setPending({ kind: 'relation-label', from: waiting.spanId, to: to.id })
      o.onMessage(
        `Relation: ${RELATION_LABELS.map((r, i) => `${i + 1} ${r}`).join(' · ')} (Escape cancels)`,
      )
      return true
    }
    case 'relation-label': {
      const label = RELATION_LABELS[Number(key) - 1]
      if (!label) {
        o.onMessage(`No relation on key ${key}: nothing linked.`)
        return true
      }
      const relation = {
        id: newId(),
        traceId: texts.traceId,
        from: waiting.from,
        to: waiting.to,
        label,
      }
      o.withAnnotator((annotator) => {
        o.onMessage(`Linked ${describeRelation({ ...relation, annotator }, o)}.`)
        void commitSpans(`link two spans (${label})`, {
          traceId: texts.traceId,
          putRelations: [{ ...relation, annotator }],
        })
      })
      return true
    }
  }
}

/** The relation selected in the list, when it still exists. */
function selectedRelation(o: AnnotateKeysOptions): Relation | undefined {
  const id = useUiStore.getState().selectedRelationId
  return id ? o.relations?.find((r) => r.id === id) : undefined
}

/** `v` / `V`: selects the next or previous relation of the list (wrapping round). */
function stepRelation(dir: 1 | -1, o: AnnotateKeysOptions): boolean {
  const list = o.relations ?? []
  if (list.length === 0) {
    o.onMessage('No relations yet (c on a span, c on another, then 1, 2 or 3).')
    return true
  }
  const current = selectedRelation(o)
  const at = current ? list.indexOf(current) : dir === 1 ? -1 : list.length
  const next = list[(at + dir + list.length) % list.length]!
  useUiStore.getState().selectRelation(next.id)
  o.onMessage(`Relation ${describeRelation(next, o)}: Delete removes it.`)
  return true
}

function deleteRelation(relation: Relation, o: AnnotateKeysOptions, traceId: string): boolean {
  useUiStore.getState().selectRelation(null)
  o.onMessage(`Deleted the relation ${describeRelation(relation, o)}.`)
  void commitSpans(`delete the relation ${relation.label}`, {
    traceId,
    removeRelations: [relation.id],
  })
  return true
}

function describeRelation(r: Relation, o: Pick<AnnotateKeysOptions, 'annotations'>): string {
  const quote = (id: string) => o.annotations.find((a) => a.id === id)?.quote.slice(0, 24) ?? '?'
  return `“${quote(r.from)}” ${r.label} “${quote(r.to)}”`
}

function nameOf(taxonomy: Taxonomy, labelId: string): string {
  return taxonomy.labels.find((l) => l.id === labelId)?.name ?? labelId
}

function setStatus(status: TraceStatus, o: AnnotateKeysOptions): boolean {
  const trace = o.trace
  if (!trace) return false
  const name = STATUS_NAMES[status]
  o.onMessage(`Trace marked ${name}.`)
  void commitSpans(`mark the trace ${name}`, { traceId: trace.id, trace: { status } })
  return true
}

export const STATUS_NAMES: Record<TraceStatus, string> = {
  todo: 'to do',
  'in-progress': 'in progress',
  done: 'done',
}

/** The tag as the annotator: on or off in their own entry (lib/traces/trace-tags.ts). */
function toggleTag(tag: TaxonomyLabel, o: AnnotateKeysOptions, trace: Trace): boolean {
  o.withAnnotator((annotator) => {
    void toggleTraceTag(trace.id, annotator, tag).then((on) => {
      if (on !== undefined) o.onMessage(on ? `Tagged ${tag.name}.` : `Tag ${tag.name} removed.`)
    })
  })
  return true
}

/** a / x: the suggestion under the cursor; A / X: every suggestion of its label. */
function decideSuggestions(
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
    o.onMessage(`${what[0]!.toUpperCase()}${what.slice(1)}.`)
    if (accept && picked.length === 1) useUiStore.getState().selectAnnotation(rows[0]!.id)
    void commitSpans(what, { traceId: texts.traceId, put: rows })
  })
}

interface Move {
  what: string
  units: readonly TextSpan[]
  dir: 1 | -1
  extend: boolean
}

function moveFor(
  key: string,
  analysis: TextAnalysis | null,
  spans: Annotation[],
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
  window.getSelection()?.removeAllRanges()
  if (dom && field === 'reasoning')
    useCursorStore.getState().setCursor(texts.traceId, moveTo(range))
  o.withAnnotator((annotator) => {
    const a = manualSpan({
      traceId: texts.traceId,
      field,
      text: texts[field],
      ...range,
      label: label.id,
      annotator,
    })
    // Shown and selected at once; written behind (a failure is told and undone).
    useUiStore.getState().selectAnnotation(a.id)
    o.onMessage(`Added ${label.name}: “${a.quote.slice(0, 60)}”`)
    void commitSpans(`label ${label.name} “${a.quote.slice(0, 30)}”`, {
      traceId: a.traceId,
      put: [a],
    })
  })
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
