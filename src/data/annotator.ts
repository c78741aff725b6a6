import { useLiveQuery } from 'dexie-react-hooks'
import { db } from '../db/instance'
import { getPref, PREF_KEYS } from '../db/prefs'
import { savePref, usePref } from './prefs'

export const DEFAULT_ANNOTATOR = 'anonymous'

/**
 * A name chosen in this page whose write has not come back through the live query yet: a label
 * key pressed at once after the header's Enter records it, not the name before (see
 * useAnnotatorGate). Cleared when the stored name shows it.
 */
let chosen: string | null = null

/** The name every new annotation records (persisted in prefs). */
export function useAnnotator(): [string, (name: string) => void] {
  const [name, setName] = usePref(PREF_KEYS.annotator, DEFAULT_ANNOTATOR)
  return [
    name,
    (next: string) => {
      chosen = next
      setName(next)
    },
  ]
}

/** The name chosen here and not yet seen stored, or null. */
export function chosenAnnotator(): string | null {
  return chosen
}

/** The live query shows `stored`: a choice it matches has arrived. */
export function annotatorSeen(stored: string): void {
  if (chosen === stored) chosen = null
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
