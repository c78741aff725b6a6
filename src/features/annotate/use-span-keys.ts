import { useEffect, useRef, type RefObject } from 'react'
import { selectionOffsets } from '../../components/highlighted-text/dom-offsets'
import { isEditable } from '../../components/keyboard/is-editable'
import { commitSpans, manualSpan, removeSpan } from '../../data/annotations'
import {
  TEXT_FIELDS,
  type TextField,
  type TaxonomyLabel,
  type TraceTexts,
} from '../../lib/traces/trace-model'
import { useUiStore } from '../../stores/ui-store'

interface Options {
  root: RefObject<HTMLElement | null>
  texts: TraceTexts | undefined
  labels: TaxonomyLabel[]
  annotator: string
  onMessage: (message: string) => void
}

/**
 * The annotator's keyboard: a label's shortcut turns the selected text into a span of that
 * label; Delete removes the selected span; Escape deselects.
 */
export function useSpanKeys(options: Options) {
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isEditable(e.target)) return
      const { root, texts, labels, annotator, onMessage } = latest.current
      const { selectedAnnotationId, selectAnnotation } = useUiStore.getState()
      const label = labels.find((l) => l.level === 'span' && l.shortcut === e.key)
      if (label && texts) {
        const target = selectedField(root.current)
        if (!target) {
          onMessage(
            `Select some text in the trace first, then press ${label.shortcut} (${label.name}).`,
          )
          return
        }
        e.preventDefault()
        const input = {
          traceId: texts.traceId,
          field: target.field,
          text: texts[target.field],
          ...target.range,
          label: label.id,
          annotator,
        }
        // Shown and selected at once; written behind (a failure is told and undone).
        const a = manualSpan(input)
        window.getSelection()?.removeAllRanges()
        selectAnnotation(a.id)
        onMessage(`Added ${label.name}: “${a.quote.slice(0, 60)}”`)
        void commitSpans(`save the span “${a.quote.slice(0, 30)}”`, {
          traceId: a.traceId,
          put: [a],
        })
        return
      }
      if ((e.key === 'Delete' || e.key === 'Backspace') && selectedAnnotationId) {
        e.preventDefault()
        void removeSpan(selectedAnnotationId).then((ok) => ok && onMessage('Span deleted.'))
        selectAnnotation(null)
      } else if (e.key === 'Escape') selectAnnotation(null)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
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
