import { useEffect, useRef } from 'react'
import { isEditable } from '../../components/keyboard/is-editable'

/** The reader's own keys: n and p go to the next and previous trace. */
export function useNavKeys(onNavigate: (to: 'next' | 'previous') => void) {
  const latest = useRef(onNavigate)
  useEffect(() => {
    latest.current = onNavigate
  })
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isEditable(e.target)) return
      if (e.key === 'n') latest.current('next')
      else if (e.key === 'p') latest.current('previous')
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
