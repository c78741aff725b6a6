import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useState } from 'react'
import { db } from '../../db/instance'
import { getPref, setPref } from '../../db/prefs'

const SAVE_DELAY_MS = 300

type Updater<T> = T | ((old: T) => T)

/**
 * A preference kept in `prefs` and mirrored in local state, so that fast changes (a column
 * being dragged wider) apply at once and are written once they settle.
 */
export function usePersistedPref<T>(key: string, fallback: T): [T, (u: Updater<T>) => void] {
  const saved = useLiveQuery(() => getPref<T | null>(db, key, null), [key])
  const [local, setLocal] = useState<T | null>(null)
  const base = saved ?? fallback
  useEffect(() => {
    if (local === null) return
    const timer = setTimeout(() => void setPref(db, key, local), SAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [key, local])
  const update = (u: Updater<T>) =>
    setLocal((old) => {
      const current = old ?? base
      return typeof u === 'function' ? (u as (old: T) => T)(current) : u
    })
  return [local ?? base, update]
}
