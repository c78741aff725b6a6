/**
 * The one Dexie database of Tracemark (DESIGN.md section 2). Opened on the main thread and,
 * under the same name, in the import and export workers; liveQuery sees writes from either.
 *
 * The stores of every version are in schema-history.ts: never change a released one, add the
 * next (with an upgrade function here if rows must change); upgrade.test.ts opens the previous
 * version's data with it.
 */
import { Dexie, type EntityTable } from 'dexie'
import type {
  Annotation,
  Dataset,
  HistoryEntry,
  Lexicon,
  Pref,
  Relation,
  Taxonomy,
  Trace,
  TraceTexts,
} from '../lib/traces/trace-model'

import { SCHEMA_HISTORY } from './schema-history'
import { seedTaxonomyPresets } from './taxonomies'

export const DATABASE_NAME = 'tracemark'

export class TracemarkDB extends Dexie {
  datasets!: EntityTable<Dataset, 'id'>
  traces!: EntityTable<Trace, 'id'>
  texts!: EntityTable<TraceTexts, 'traceId'>
  annotations!: EntityTable<Annotation, 'id'>
  relations!: EntityTable<Relation, 'id'>
  taxonomies!: EntityTable<Taxonomy, 'id'>
  lexicons!: EntityTable<Lexicon, 'id'>
  prefs!: EntityTable<Pref, 'key'>
  history!: EntityTable<HistoryEntry, 'id'>

  constructor(name: string = DATABASE_NAME) {
    super(name)
    for (const { version, stores } of SCHEMA_HISTORY) {
      const step = this.version(version).stores(stores)
      // v3: the taxonomy presets become rows (an existing database gets them here).
      if (version === 3) step.upgrade((tx) => seedTaxonomyPresets(tx.table('taxonomies')))
    }
    // A new database gets them at creation (upgrade functions do not run then).
    this.on('populate', (tx) => seedTaxonomyPresets(tx.table('taxonomies')))
  }
}

/**
 * Every table a dataset's rows live in (the undo log of its traces too), for transactions that
 * must see or change a dataset as a whole.
 */
export function allTables(db: TracemarkDB) {
  return [db.datasets, db.traces, db.texts, db.annotations, db.relations, db.history]
}
