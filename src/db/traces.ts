import type { Table } from 'dexie'
import type {
  Annotation,
  Relation,
  Trace,
  TraceMetrics,
  TraceStatus,
  TraceTexts,
} from '../lib/traces/trace-model'
import { traceIdPrefix } from '../lib/traces/ids'
import type { TracemarkDB } from './database'
import { allDatasetsReady, readyDatasetIds } from './visibility'

/**
 * Only traces of `ready` datasets are ever listed: an import still running, waiting on the
 * user's decision or being deleted is invisible everywhere (issue #12).
 */
async function visibleTraces(db: TracemarkDB, limit?: number): Promise<Trace[]> {
  const ready = await readyDatasetIds(db)
  if (await allDatasetsReady(db, ready)) {
    const all = db.traces.toCollection()
    return (limit === undefined ? all : all.limit(limit)).toArray()
  }
  // Key ranges, not the datasetId index: the same rows in the same order (ids start with their
  // dataset's), and inside liveQuery Dexie records a range, not every row's key (#14).
  const ranges = [...ready].map((id) => {
    const { lower, upper } = datasetKeyRange(id)
    return [lower, upper] as const
  })
  const some = db.traces.where(':id').inAnyRange(ranges, { includeUppers: true })
  return (limit === undefined ? some : some.limit(limit)).toArray()
}

/** A key range of trace ids: one dataset's (`datasetKeyRange`) or every trace's (`ALL_KEYS`). */
export interface KeyRange {
  lower: string
  upper: string
}

export const ALL_KEYS: KeyRange = { lower: '', upper: '\uffff' }

export function datasetKeyRange(datasetId: string): KeyRange {
  const prefix = traceIdPrefix(datasetId)
  return { lower: prefix, upper: `${prefix}\uffff` }
}

/**
 * The one way to page through a table by key: the rows after `afterKey` (from the range's
 * start when null), inside `range`, at most `limit`. Jobs that scan 100,000 rows hold one page.
 */
export function keyPage<T, TInsert>(
  table: Table<T, string, TInsert>,
  afterKey: string | null,
  range: KeyRange,
  limit: number,
): Promise<T[]> {
  return table
    .where(':id')
    .between(afterKey ?? range.lower, range.upper, afterKey === null, true)
    .limit(limit)
    .toArray()
}

/** A page of trace summaries in key order (see keyPage). */
export function tracesPage(
  db: TracemarkDB,
  afterKey: string | null,
  range: KeyRange,
  limit: number,
): Promise<Trace[]> {
  return keyPage(db.traces, afterKey, range, limit)
}

export function countTraces(db: TracemarkDB): Promise<number> {
  return db.traces.count()
}

/** The traces of `ids`, in that order; ids that no longer exist are left out. */
export async function getTraces(db: TracemarkDB, ids: string[]): Promise<Trace[]> {
  const found = await db.traces.bulkGet(ids)
  return found.filter((t): t is Trace => t !== undefined)
}

/** The texts of `ids`, in that order (undefined where a trace has none). */
export function getTextsOf(db: TracemarkDB, ids: string[]): Promise<(TraceTexts | undefined)[]> {
  return db.texts.bulkGet(ids)
}

/** Writes new metrics for a page of traces, in one transaction (all or none). */
export async function putMetrics(
  db: TracemarkDB,
  changes: { traceId: string; metrics: TraceMetrics }[],
): Promise<void> {
  const updates = changes.map((c) => ({ key: c.traceId, changes: { metrics: c.metrics } }))
  await db.transaction('rw', db.traces, () => db.traces.bulkUpdate(updates))
}

/**
 * Writes one batch of an import: summaries and texts together, with the span annotations and
 * relations the source carried, in one transaction. The tables' puts are all sent at once: the
 * texts, the bulk of the bytes, are not held back until the summaries' puts have returned, which
 * for a transaction queued behind another happens only once that one has committed (#14).
 */
export async function putTraceBatch(
  db: TracemarkDB,
  traces: Trace[],
  texts: TraceTexts[],
  annotations: Annotation[] = [],
  relations: Relation[] = [],
): Promise<void> {
  const tables = [db.traces, db.texts, db.annotations, db.relations]
  await db.transaction('rw', tables, async () => {
    await Promise.all([
      db.traces.bulkPut(traces),
      db.texts.bulkPut(texts),
      annotations.length > 0 && db.annotations.bulkPut(annotations),
      relations.length > 0 && db.relations.bulkPut(relations),
    ])
  })
}

/** A dataset's summaries in source order (trace ids sort by ordinal). */
export async function listTraces(db: TracemarkDB, datasetId: string): Promise<Trace[]> {
  if (!(await isReady(db, datasetId))) return []
  // By key range, in key order: inside liveQuery Dexie records the range, where a query of the
  // datasetId index records every row's key, a tree of 100,000 keys built one at a time (#14).
  const { lower, upper } = datasetKeyRange(datasetId)
  return db.traces.where(':id').between(lower, upper, true, true).toArray()
}

async function isReady(db: TracemarkDB, datasetId: string): Promise<boolean> {
  return (await db.datasets.get(datasetId))?.status === 'ready'
}

/** Every trace summary of every dataset, in dataset then source order (the all-traces table). */
export function listAllTraces(db: TracemarkDB): Promise<Trace[]> {
  return visibleTraces(db)
}

/** The first `limit` summaries of one dataset, or of all when `datasetId` is null. */
export async function listTraceHead(
  db: TracemarkDB,
  datasetId: string | null,
  limit: number,
): Promise<Trace[]> {
  if (datasetId === null) return visibleTraces(db, limit)
  if (!(await isReady(db, datasetId))) return []
  return tracesPage(db, null, datasetKeyRange(datasetId), limit)
}

/** A page of texts in key order (see keyPage): what a full-text scan reads. */
export function textsPage(
  db: TracemarkDB,
  afterKey: string | null,
  range: KeyRange,
  limit: number,
): Promise<TraceTexts[]> {
  return keyPage(db.texts, afterKey, range, limit)
}

/** A trace, unless its dataset is not `ready` (a pending import's traces are not shown). */
export async function getTrace(db: TracemarkDB, id: string): Promise<Trace | undefined> {
  const trace = await db.traces.get(id)
  if (!trace) return undefined
  return (await isReady(db, trace.datasetId)) ? trace : undefined
}

export function getTexts(db: TracemarkDB, traceId: string): Promise<TraceTexts | undefined> {
  return db.texts.get(traceId)
}

/** Traces of other datasets (or the same) that answer the same problem. */
export async function tracesOfProblem(db: TracemarkDB, problemHash: string): Promise<Trace[]> {
  const ready = await readyDatasetIds(db)
  const rows = await db.traces.where('problemHash').equals(problemHash).toArray()
  return rows.filter((t) => ready.has(t.datasetId))
}

export { visibleTraces }

export async function setTraceStatus(db: TracemarkDB, id: string, status: TraceStatus) {
  await db.traces.update(id, { status, updatedAt: Date.now() })
}

export async function setTraceTags(db: TracemarkDB, id: string, tags: string[]) {
  await db.traces.update(id, { tags: [...new Set(tags)].sort(), updatedAt: Date.now() })
}

/** The traces before and after `id` in its dataset's source order (ids sort by ordinal). */
export async function neighbourTraceIds(
  db: TracemarkDB,
  id: string,
  datasetId: string,
): Promise<{ previous: string | null; next: string | null }> {
  const prefix = `${datasetId}:`
  const [previous] = await db.traces
    .where('id')
    .between(prefix, id, false, false)
    .reverse()
    .limit(1)
    .primaryKeys()
  const [next] = await db.traces
    .where('id')
    .between(id, `${prefix}\uffff`, false, false)
    .limit(1)
    .primaryKeys()
  return { previous: previous ?? null, next: next ?? null }
}

/**
 * The traces of a dataset that some annotator gave tags to (`tagsBy`), for tag agreement: id,
 * key and `tagsBy` only.
 */
export async function tracesTaggedBy(
  db: TracemarkDB,
  datasetId: string,
): Promise<{ id: string; key: string; tagsBy: Record<string, string[]> }[]> {
  const out: { id: string; key: string; tagsBy: Record<string, string[]> }[] = []
  await db.traces
    .where('datasetId')
    .equals(datasetId)
    .each((t) => {
      if (t.tagsBy) out.push({ id: t.id, key: t.key, tagsBy: t.tagsBy })
    })
  return out
}
