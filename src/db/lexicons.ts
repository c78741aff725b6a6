/**
 * Lexicons (DESIGN section 2, `lexicons`): the shipped presets, which live in code and are never
 * stored, and the user's own, stored by id. The active lexicon's id is a pref; when it names
 * nothing (deleted, or never set) the default preset is active.
 */
import { isPresetLexicon } from '../lib/analysis/lexicon-edit'
import { LEXICON_PRESETS, PIVOT_LEXICON } from '../lib/analysis/lexicon-presets'
import type { Lexicon } from '../lib/traces/trace-model'
import type { TracemarkDB } from './database'
import { getPref, PREF_KEYS, setPref } from './prefs'

/** Presets first, in their shipped order, then the stored lexicons by name. */
export async function listLexicons(db: TracemarkDB): Promise<Lexicon[]> {
  const stored = await db.lexicons.toArray()
  stored.sort((a, b) => a.name.localeCompare(b.name))
  return [...LEXICON_PRESETS, ...stored]
}

export async function getLexicon(db: TracemarkDB, id: string): Promise<Lexicon | undefined> {
  return LEXICON_PRESETS.find((p) => p.id === id) ?? (await db.lexicons.get(id))
}

export async function getActiveLexicon(db: TracemarkDB): Promise<Lexicon> {
  const id = await getPref<string | null>(db, PREF_KEYS.activeLexicon, null)
  return (id === null ? undefined : await getLexicon(db, id)) ?? PIVOT_LEXICON
}

export async function setActiveLexicon(db: TracemarkDB, id: string): Promise<void> {
  if ((await getLexicon(db, id)) === undefined) throw new Error(`no lexicon with id ${id}`)
  await setPref(db, PREF_KEYS.activeLexicon, id)
}

/** Stores a user lexicon (new or edited). Presets cannot be overwritten: edit a copy. */
export async function saveLexicon(db: TracemarkDB, lexicon: Lexicon): Promise<void> {
  if (isPresetLexicon(lexicon.id)) throw new Error(`${lexicon.name} is a preset: save a copy`)
  await db.lexicons.put(lexicon)
}

/** Deletes a user lexicon; if it was active, the default preset becomes active. */
export async function deleteLexicon(db: TracemarkDB, id: string): Promise<void> {
  if (isPresetLexicon(id)) throw new Error(`${id} is a preset and cannot be deleted`)
  await db.transaction('rw', db.lexicons, db.prefs, async () => {
    await db.lexicons.delete(id)
    const active = await db.prefs.get(PREF_KEYS.activeLexicon)
    if (active?.value === id) await db.prefs.delete(PREF_KEYS.activeLexicon)
  })
}
