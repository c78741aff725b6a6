/**
 * The recompute in progress, kept in the `prefs` table (no schema change): written when a run
 * starts, removed when it finishes, fails or is cancelled. A run cut off by a reload or a closed
 * tab leaves it behind, and the next start resumes the run (the recompute skips traces already
 * computed with the lexicon, so it goes on where it stopped).
 */
import type { TracemarkDB } from './database'
import { PREF_KEYS } from './prefs'

export interface RecomputeRun {
  /** Tells this run from a later one (a run clears only its own mark). */
  runId: string
  lexiconId: string
  startedAt: number
}

export async function getRecomputeRun(db: TracemarkDB): Promise<RecomputeRun | null> {
  const row = await db.prefs.get(PREF_KEYS.recomputeRun)
  return (row?.value as RecomputeRun | undefined) ?? null
}

export async function markRecomputeRun(db: TracemarkDB, run: RecomputeRun): Promise<void> {
  await db.prefs.put({ key: PREF_KEYS.recomputeRun, value: run })
}

/** Removes the mark of `runId` (a later run's mark is left alone). */
export async function clearRecomputeRun(db: TracemarkDB, runId: string): Promise<void> {
  await db.transaction('rw', db.prefs, async () => {
    const run = await getRecomputeRun(db)
    if (run?.runId === runId) await db.prefs.delete(PREF_KEYS.recomputeRun)
  })
}
