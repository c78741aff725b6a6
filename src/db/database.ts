/**
 * The one Dexie database of Tracemark (DESIGN.md section 2). Opened on the main thread and,
 * under the same name, in the import and export workers; liveQuery sees writes from either.
 *
 * Do not change a version's stores once released: add a new version with an upgrade function,
 * and a test that opens the previous version's data (database.test.ts).
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
    this.version(1).stores({
      datasets: 'id, status, importedAt',
      traces: 'id, datasetId, problemHash, status, updatedAt',
      texts: 'traceId, datasetId',
      annotations: 'id, traceId, label, annotator, updatedAt',
      relations: 'id, traceId',
      taxonomies: 'id',
      lexicons: 'id',
      prefs: 'key',
    })
  }
}

/** Every table, for transactions that must see or change a dataset as a whole. */
export function allTables(db: TracemarkDB) {
  return [db.datasets, db.traces, db.texts, db.annotations, db.relations]
}
