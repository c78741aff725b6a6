import type { TracemarkDB } from './database'

/** Persisted preferences (DESIGN section 2, `prefs`): key names are a contract with old data. */
export const PREF_KEYS = {
  annotator: 'annotator',
  activeTaxonomy: 'activeTaxonomy',
  activeLexicon: 'activeLexicon',
  lastTrace: 'lastTrace',
  demoOffered: 'demoOffered',
  /** Traces table: `{ [columnId]: false }` for hidden columns (TanStack visibility state). */
  traceColumnVisibility: 'traceColumnVisibility',
  /** Traces table: `{ [columnId]: width in px }` for resized columns. */
  traceColumnSizing: 'traceColumnSizing',
  /** Stats: the ids of the datasets not shown (new datasets are shown by default). */
  statsHiddenDatasets: 'statsHiddenDatasets',
  /** Stats: what each dataset's traces are split by (lib/stats/trace-groups SplitBy). */
  statsSplit: 'statsSplit',
  /** The colour theme: 'system' (the default), 'light' or 'dark' (data/theme.ts). */
  theme: 'theme',
  /** The recompute in progress (db/recompute-run.ts); absent when none runs. */
  recomputeRun: 'recomputeRun',
} as const

export async function getPref<T>(db: TracemarkDB, key: string, fallback: T): Promise<T> {
  const row = await db.prefs.get(key)
  return row === undefined ? fallback : (row.value as T)
}

export async function setPref(db: TracemarkDB, key: string, value: unknown): Promise<void> {
  await db.prefs.put({ key, value })
}
