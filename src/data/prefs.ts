/** Persisted preferences (the `prefs` table), live, with writes that report failure. */
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useState } from 'react'
import { db } from '../db/instance'
import { getPref, setPref } from '../db/prefs'
import { runWrite, startWrite } from './write'

export { PREF_KEYS } from '../db/prefs'

type Updater<T> = T | ((old: T) => T)

/** What a setting is called in a failure notice. */
const PREF_NAMES: Record<string, string> = {
  annotator: 'the annotator name',
  traceColumnVisibility: 'the choice of columns',
  traceColumnSizing: 'the column widths',
}
const prefName = (key: string) => PREF_NAMES[key] ?? `the setting ${key}`

export interface PrefOptions {
  /** Write only once changes pause this long (a column being dragged wider). Default 0. */
  settleMs?: number
}

/**
 * A preference, live (a change in another tab shows here), and its setter. The value set is
 * shown at once and written once changes settle; a failed write is shown to the user.
 */
export function usePref<T>(
  key: string,
  fallback: T,
  { settleMs = 0 }: PrefOptions = {},
): [T, (update: Updater<T>) => void] {
  const saved = useLiveQuery(() => getPref<T | null>(db, key, null), [key])
  // Wrapped, so that a pref whose value is null can be told from "not changed here".
  const [local, setLocal] = useState<{ value: T } | null>(null)
  const base = saved ?? fallback
  useEffect(() => {
    if (local === null) return
    const timer = setTimeout(
      () => startWrite(`save ${prefName(key)}`, () => setPref(db, key, local.value)),
      settleMs,
    )
    return () => clearTimeout(timer)
  }, [key, local, settleMs])
  const update = (u: Updater<T>) =>
    setLocal((old) => {
      const current = old === null ? base : old.value
      return { value: typeof u === 'function' ? (u as (old: T) => T)(current) : u }
    })
  return [local === null ? base : local.value, update]
}

/** Writes a preference now; resolves false (after telling the user) when it failed. */
export async function savePref(key: string, value: unknown): Promise<boolean> {
  const done = await runWrite(`save ${prefName(key)}`, async () => {
    await setPref(db, key, value)
    return true
  })
  return done === true
}
