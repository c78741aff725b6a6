import { useLayoutEffect, useRef } from 'react'
import { isEditable } from '../../components/keyboard/is-editable'

import { useUiStore } from '../../stores/ui-store'
import { type AnnotateKeysOptions, type PendingKey, runUndo } from './keys/key-context'
import { finishPending } from './keys/pending-keys'
import { ANALYSIS_MOVE_KEYS, handleKey } from './keys/handle-key'

export type { AnnotateKeysOptions, PendingKey } from './keys/key-context'
export { decideAll } from './keys/suggestion-keys'
export { STATUS_NAMES } from './keys/trace-keys'

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
  /**
   * Keys pressed before the view could take them, run in order once it can: a move that needs
   * the text's analysis before that is in, and any key while the spans the keys read (the
   * panels') have not caught up with a change yet (see `spansNow`).
   */
  const deferred = useRef<string[]>([])
  // In the commit (layout effects), not after the paint: a key pressed as soon as the trace
  // shows is handled with what it shows.
  useLayoutEffect(() => {
    latest.current = options
    onPendingRef.current = onPending
  })
  const analysed = options.analysis !== null
  useLayoutEffect(() => {
    if (!analysed || deferred.current.length === 0 || behind(latest.current)) return
    // Pressed again, in order, once this commit is done (a key's handler renders at once).
    const timer = setTimeout(() => {
      const keys = deferred.current
      deferred.current = []
      for (const key of keys) {
        // Cancelable, as a typed key is: a key taken here is not also the reader's n or p.
        dispatchEvent(new KeyboardEvent('keydown', { key, cancelable: true }))
      }
    })
    return () => clearTimeout(timer)
  }, [analysed, options.annotations])
  useLayoutEffect(() => {
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
      // Keys after one that waits wait too, in order; so does a key while the spans are
      // behind (a label key twice would not see the span of the first).
      if (deferred.current.length > 0 || (behind(o) && waits(e.key))) {
        deferred.current.push(e.key)
        e.preventDefault()
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
      const handled = handleKey(e.key, o, o.texts, setPending)
      if (handled === 'later') {
        deferred.current.push(e.key)
        o.onMessage('Reading the text’s sentences and steps: the cursor moves in a moment.')
      }
      if (handled) e.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      if (pending.current) useUiStore.getState().setKeyPending(false)
    }
  }, [])
}

/** The spans the keys read (`annotations`) have not caught up with the trace's yet. */
function behind(o: AnnotateKeysOptions): boolean {
  const now = o.spansNow?.()
  return now !== undefined && now !== o.annotations
}

/**
 * Keys that may read the spans (a character, Enter, Escape, Delete): not Tab, Space or paging,
 * and not the moves over the text's analysis (sentences, steps, pivots, backtracks).
 */
function waits(key: string): boolean {
  if (ANALYSIS_MOVE_KEYS.has(key)) return false
  if (key === 'Enter' || key === 'Escape' || key === 'Delete' || key === 'Backspace') return true
  return key.length === 1 && key !== ' '
}
