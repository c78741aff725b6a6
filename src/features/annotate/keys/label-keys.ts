/** A label's key: labels the selected text, else the cursor's range. */
import { flushSync } from 'react-dom'
import { selectionOffsets } from '../../../components/highlighted-text/dom-offsets'
import { commitSpans, manualSpan } from '../../../data/annotations'
import {
  moveTo,
  selectionRange,
  startingAt,
  type CursorSelection,
} from '../../../lib/annotate/cursor-moves'
import {
  TEXT_FIELDS,
  type TaxonomyLabel,
  type TextField,
  type TraceTexts,
} from '../../../lib/traces/trace-model'
import { useCursorStore } from '../../../stores/cursor-store'
import { useUiStore } from '../../../stores/ui-store'
import type { AnnotateKeysOptions } from './key-context'

/** Labels the DOM selection, else the cursor's range; an identical span is not made twice. */
export function labelTarget(
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
  // The trace's spans are in reading order: only those starting here are looked at.
  const same = startingAt(o.annotations, range.start).find(
    (a) => !a.rejected && a.field === field && a.end === range.end && a.label === label.id,
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
    // Shown and selected at once, drawn before the handler returns (see setCursor in
    // handle-key.ts); written behind (a failure is told and undone).
    let written: Promise<boolean> | undefined
    flushSync(() => {
      useUiStore.getState().selectAnnotation(a.id)
      o.onMessage(`Added ${label.name}: “${a.quote.slice(0, 60)}”`)
      written = commitSpans(`label ${label.name} “${a.quote.slice(0, 30)}”`, {
        traceId: a.traceId,
        put: [a],
      })
    })
    void written
  })
  return true
}

export function selectedField(root: HTMLElement | null) {
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
