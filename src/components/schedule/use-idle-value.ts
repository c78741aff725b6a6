import { useEffect, useState } from 'react'
import { whenIdle } from './schedule'

/**
 * `value`, followed in idle time: a view that can lag a moment (a minimap) re-renders after the
 * frame that shows a change elsewhere, not in it. The first value is taken at once.
 */
export function useIdleValue<T>(value: T): T {
  const [shown, setShown] = useState(value)
  useEffect(() => {
    if (shown === value) return
    return whenIdle(() => setShown(() => value))
  }, [value, shown])
  return shown
}
