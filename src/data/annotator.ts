import { PREF_KEYS } from '../db/prefs'
import { usePref } from './prefs'

export const DEFAULT_ANNOTATOR = 'anonymous'

/** The name every new annotation records (persisted in prefs). */
export function useAnnotator(): [string, (name: string) => void] {
  return usePref(PREF_KEYS.annotator, DEFAULT_ANNOTATOR)
}
