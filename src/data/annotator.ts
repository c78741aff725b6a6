import { useLiveQuery } from 'dexie-react-hooks'
import { db } from '../db/instance'
import { getPref, PREF_KEYS } from '../db/prefs'
import { savePref, usePref } from './prefs'

export const DEFAULT_ANNOTATOR = 'anonymous'

/** The name every new annotation records (persisted in prefs). */
export function useAnnotator(): [string, (name: string) => void] {
  return usePref(PREF_KEYS.annotator, DEFAULT_ANNOTATOR)
}

/**
 * Whether this browser profile has an annotator name yet (set in the header, or asked at its
 * first annotation, a skip storing the default): false until then, undefined while loading.
 */
export function useAnnotatorKnown(): boolean | undefined {
  const stored = useLiveQuery(() => getPref<string | null>(db, PREF_KEYS.annotator, null), [])
  return stored === undefined ? undefined : stored !== null
}

/** The stored annotator name, or null when none was ever set (read now, not live). */
export function readAnnotator(): Promise<string | null> {
  return getPref<string | null>(db, PREF_KEYS.annotator, null)
}

/** Stores the annotator name; false (the user told) when the write failed. */
export function saveAnnotator(name: string): Promise<boolean> {
  return savePref(PREF_KEYS.annotator, name)
}
