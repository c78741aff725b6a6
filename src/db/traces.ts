import type {
  Annotation,
  Relation,
  Trace,
  TraceStatus,
  TraceTexts,
} from '../lib/traces/trace-model'
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
  // Index order (dataset id, then trace id) is the primary-key order: the same rows, same order.
  const some = db.traces.where('datasetId').anyOf([...ready])
  return (limit === undefined ? some : some.limit(limit)).toArray()
}

/**
 * Writes one batch of an import: summaries and texts together, with the span annotations and
 * relations the source carried, in one transaction.
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
    await db.traces.bulkPut(traces)
    await db.texts.bulkPut(texts)
    if (annotations.length > 0) await db.annotations.bulkPut(annotations)
    if (relations.length > 0) await db.relations.bulkPut(relations)
  })
}

/** A dataset's summaries in source order (trace ids sort by ordinal). */
export async function listTraces(db: TracemarkDB, datasetId: string): Promise<Trace[]> {
  if (!(await isReady(db, datasetId))) return []
  return db.traces.where('datasetId').equals(datasetId).sortBy('id')
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
  return db.traces
    .where('id')
    .between(`${datasetId}:`, `${datasetId}:\uffff`)
    .limit(limit)
    .toArray()
}

/**
 * Texts in key order from after `afterKey`, at most `limit`, inside `[lower, upper]`: the pages
 * a full-text scan reads without holding more than one page.
 */
export function textsPage(
  db: TracemarkDB,
  afterKey: string | null,
  upper: string,
  lower: string,
  limit: number,
): Promise<TraceTexts[]> {
  const from = afterKey ?? lower
  return db.texts
    .where('traceId')
    .between(from, upper, afterKey === null, true)
    .limit(limit)
    .toArray()
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
