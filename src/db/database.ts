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
  Lexicon,
  Pref,
  Relation,
  Taxonomy,
  Trace,
  TraceTexts,
} from '../lib/traces/trace-model'

import { SCHEMA_HISTORY } from './schema-history'

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

  constructor(name: string = DATABASE_NAME) {
    super(name)
    for (const { version, stores } of SCHEMA_HISTORY) this.version(version).stores(stores)
  }
}

/** Every table, for transactions that must see or change a dataset as a whole. */
export function allTables(db: TracemarkDB) {
  return [db.datasets, db.traces, db.texts, db.annotations, db.relations]
}
