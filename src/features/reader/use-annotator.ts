import { useLiveQuery } from 'dexie-react-hooks'
import { db } from '../../db/instance'
import { getPref, PREF_KEYS, setPref } from '../../db/prefs'

export const DEFAULT_ANNOTATOR = 'anonymous'

/** The name every new annotation records (persisted in prefs). */
export function useAnnotator(): [string, (name: string) => void] {
  const name = useLiveQuery(() => getPref(db, PREF_KEYS.annotator, DEFAULT_ANNOTATOR), [])
  return [name ?? DEFAULT_ANNOTATOR, (next) => void setPref(db, PREF_KEYS.annotator, next)]
}
