import { startTransition, useEffect, useState } from 'react'

/**
 * An external store read as state set in a transition, for views that may follow a change a
 * moment later (a side panel beside the text that shows the change at once). React renders a
 * `useSyncExternalStore` update at once, in the frame of the change, whatever the update is
 * wrapped in; this one renders after the urgent views, in slices between frames, and a newer
 * change replaces a render not yet done. A value is set at once when the last one shown was
 * `undefined` (loading: there is nothing on screen to keep), or when `urgent()` says so at the
 * change (a change so large that the views are better drawn with it in one go).
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
    const update = () => {
      const value = getSnapshot()
      if (value === shown) return
      const now = shown === undefined || urgent()
      shown = value
      const set = () => setSeen({ getSnapshot, value })
      if (now) set()
      else startTransition(set)
    }
    const unsubscribe = subscribe(update)
    // A change between the render and this effect.
    update()
    return unsubscribe
    // `current` is the value this subscription starts from, not a reason to subscribe again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [subscribe, getSnapshot, urgent])
  return current
}

const NEVER = () => false
