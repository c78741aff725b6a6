import {
  activateLexicon,
  duplicateLexicon,
  removeLexicon,
  saveLexicon,
  useActiveLexicon,
  useLexiconList,
} from '../../data/lexicons'

/** Every lexicon, the active one, and the actions that change them (recomputing when needed). */
export function useLexicons() {
  return {
    lexicons: useLexiconList(),
    active: useActiveLexicon(),
    activate: activateLexicon,
    save: saveLexicon,
    duplicate: duplicateLexicon,
    remove: removeLexicon,
  }
}
