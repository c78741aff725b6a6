import { useEffect, useRef } from 'react'
import { isEditable } from '../../components/keyboard/is-editable'
import { useUiStore } from '../../stores/ui-store'

/**
 * The reader's own keys: n and p go to the next and previous trace, unless another handler took
 * the key (`defaultPrevented`) or a key waits for it (`t` then `n` is the tag key `n`): which
 * of the window's listeners runs first is not theirs to rely on.
 */
export function useNavKeys(onNavigate: (to: 'next' | 'previous') => void) {
  const latest = useRef(onNavigate)
  useEffect(() => {
    latest.current = onNavigate
  })
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isEditable(e.target)) return
      if (e.defaultPrevented || useUiStore.getState().keyPending) return
      if (e.key === 'n') latest.current('next')
      else if (e.key === 'p') latest.current('previous')
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
