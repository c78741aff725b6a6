/**
 * Lexicons: the active one (live, everywhere it is shown), the list, and the writes of the
 * lexicons page (their analysis of texts: lexicon-analysis.ts). Changing the active lexicon, or editing it, starts a
 * recompute of every trace's metrics.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { db } from '../db/instance'
import {
  deleteLexicon,
  getActiveLexicon,
  listLexicons,
  saveLexicon as storeLexicon,
  setActiveLexicon,
} from '../db/lexicons'
import { copyLexicon } from '../lib/analysis/lexicon-edit'
import { newId } from '../lib/traces/ids'
import type { Lexicon } from '../lib/traces/trace-model'
import { recomputeJob } from './recompute'
import { runWrite } from './write'

/** The active lexicon (a pref, live: switching it elsewhere re-highlights open traces). */
export function useActiveLexicon(): Lexicon | undefined {
  return useLiveQuery(() => getActiveLexicon(db), [])
}

/** The active lexicon now, read once (an import computes its metrics with it). */
export function readActiveLexicon(): Promise<Lexicon> {
  return getActiveLexicon(db)
}

/** Presets first, then the user's lexicons by name. */
export function useLexiconList(): Lexicon[] | undefined {
  return useLiveQuery(() => listLexicons(db), [])
}

const succeeded = () => true

/** Makes `lexicon` the active one and recomputes the metrics with it. */
export async function activateLexicon(lexicon: Lexicon): Promise<boolean> {
  const done = await runWrite(`make ${lexicon.name} the active lexicon`, () =>
    setActiveLexicon(db, lexicon.id).then(succeeded),
  )
  if (done) recomputeJob.launch(lexicon)
  return done === true
}

/** Stores a user lexicon (new or edited); an edit of the active one recomputes the metrics. */
export async function saveLexicon(lexicon: Lexicon): Promise<boolean> {
  const done = await runWrite(`save the lexicon ${lexicon.name}`, async () => {
    await storeLexicon(db, lexicon)
    return (await getActiveLexicon(db)).id === lexicon.id
  })
  if (done === undefined) return false
  if (done) recomputeJob.launch(lexicon)
  return true
}

/** Stores an editable copy of `source`; resolves with it, or undefined when that failed. */
export async function duplicateLexicon(
  source: Lexicon,
  name?: string,
): Promise<Lexicon | undefined> {
  const copy = copyLexicon(source, newId(), name)
  return runWrite(`copy the lexicon ${source.name}`, () => storeLexicon(db, copy).then(() => copy))
}

/** Deletes a user lexicon; when it was active, the default becomes active and is recomputed. */
export async function removeLexicon(lexicon: Lexicon): Promise<boolean> {
  const done = await runWrite(`delete the lexicon ${lexicon.name}`, async () => {
    const wasActive = (await getActiveLexicon(db)).id === lexicon.id
    await deleteLexicon(db, lexicon.id)
    return { wasActive, next: await getActiveLexicon(db) }
  })
  if (done === undefined) return false
  if (done.wasActive) recomputeJob.launch(done.next)
  return true
}
