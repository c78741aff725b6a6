import { startTransition, useEffect, useState } from 'react'
import { afterNextPaint } from './schedule'

/**
 * An external store read as state set in a transition, for views that may follow a change a
 * moment later (a side panel beside the text that shows the change at once). React renders a
 * `useSyncExternalStore` update at once, in the frame of the change, whatever the update is
 * wrapped in; this one is handed to React after that frame has been painted, as a transition
 * (rendered in slices between frames; a newer change replaces a render not yet done). Every
 * such view changed in one frame is updated in one transition, so they agree with each other.
 * A value is set at once when the last one shown was `undefined` (loading: there is nothing on
 * screen to keep), or when `urgent()` says so at the change (a change so large that the views
 * are better drawn with it in one go).
 */
export function useTransitionSnapshot<T>(
  subscribe: (listener: () => void) => () => void,
  getSnapshot: () => T,
  urgent: () => boolean = NEVER,
): T {
  const [seen, setSeen] = useState(() => ({ getSnapshot, value: getSnapshot() }))
  const current = seen.getSnapshot === getSnapshot ? seen.value : getSnapshot()
  useEffect(() => {
    let shown = current
    /** Shows the store's value as it is when it runs. */
    const show = () => {
      const value = getSnapshot()
      if (value === shown) return
      shown = value
      setSeen({ getSnapshot, value })
    }
    const update = () => {
      if (getSnapshot() === shown) return
      if (shown === undefined || urgent()) {
        queued.delete(show)
        show()
      } else afterPaintInTransition(show)
    }
    const unsubscribe = subscribe(update)
    // A change between the render and this effect.
    update()
    return () => {
      unsubscribe()
      queued.delete(show)
    }
    // `current` is the value this subscription starts from, not a reason to subscribe again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [subscribe, getSnapshot, urgent])
  return current
}

const NEVER = () => false

/** The views to update after the next paint, in one transition. */
const queued = new Set<() => void>()
let flushing: (() => void) | null = null

function afterPaintInTransition(show: () => void) {
  queued.add(show)
  flushing ??= afterNextPaint(() => {
    flushing = null
    const shows = [...queued]
    queued.clear()
    startTransition(() => {
      for (const s of shows) s()
    })
  })
}
