/**
 * Every released version of the database's stores, oldest first. Do not change a version once
 * released: add the next one (with an upgrade function in database.ts if rows must change) and
 * let upgrade.test.ts open the previous version's data with it.
 */
export const SCHEMA_HISTORY = [
  {
    version: 1,
    stores: {
      datasets: 'id, status, importedAt',
      traces: 'id, datasetId, problemHash, status, updatedAt',
      texts: 'traceId, datasetId',
      annotations: 'id, traceId, label, annotator, updatedAt',
      relations: 'id, traceId',
      taxonomies: 'id',
      lexicons: 'id',
      prefs: 'key',
    },
  },
  {
    version: 2,
    // Only what changes. `[status+importedAt]`: the ready datasets in import order, read from
    // the index (the most asked live query: every screen shows or filters by them).
    stores: {
      datasets: 'id, status, importedAt, [status+importedAt]',
    },
  },
  {
    version: 3,
    // `history`: the annotate screen's undo log, one row per action, read per trace in order.
    // The taxonomy presets are seeded into `taxonomies` (database.ts: on creation and here).
    stores: {
      history: 'id, [traceId+seq]',
    },
  },
] as const satisfies readonly { version: number; stores: Record<string, string> }[]

export const CURRENT_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version
