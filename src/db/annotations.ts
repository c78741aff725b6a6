import type { Annotation, Relation, TextField } from '../lib/traces/trace-model'
import { ORPHAN_PREFIX } from '../lib/traces/ids'
import type { TracemarkDB } from './database'

/**
 * One row of the spans table, read over its whole key range: inside Dexie's `liveQuery` this
 * makes any write of any span run the query again (every write records its keys), at the cost
 * of one row. What a live view of many spans watches (data/watched-read.ts).
 */
export function watchAnnotations(db: TracemarkDB): Promise<unknown> {
  return db.annotations.limit(1).toArray()
}

/** A trace's spans in reading order. */
export async function listAnnotations(db: TracemarkDB, traceId: string): Promise<Annotation[]> {
  const rows = await db.annotations.where('traceId').equals(traceId).toArray()
  return rows.sort((a, b) => a.start - b.start || a.end - b.end || a.createdAt - b.createdAt)
}

/** Annotation counts per trace of one dataset, for the table (reads ids and trace ids only). */
export async function countAnnotationsByTrace(
  db: TracemarkDB,
  traceIdPrefix: string,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  await db.annotations
    .where('traceId')
    .startsWith(traceIdPrefix)
    .each((a) => {
      if (!a.rejected) counts.set(a.traceId, (counts.get(a.traceId) ?? 0) + 1)
    })
  return counts
}

export async function addAnnotation(db: TracemarkDB, annotation: Annotation): Promise<void> {
  if (annotation.end <= annotation.start) {
    throw new RangeError(`empty span ${annotation.start}-${annotation.end}`)
  }
  await db.annotations.add(annotation)
}

export async function updateAnnotation(
  db: TracemarkDB,
  id: string,
  change: Partial<Pick<Annotation, 'label' | 'note' | 'rejected'>>,
): Promise<void> {
  await db.annotations.update(id, { ...change, updatedAt: Date.now() })
}

export async function deleteAnnotation(db: TracemarkDB, id: string): Promise<void> {
  await db.transaction('rw', db.annotations, db.relations, async () => {
    const annotation = await db.annotations.get(id)
    if (!annotation) return
    await db.relations
      .where('traceId')
      .equals(annotation.traceId)
      .filter((r) => r.from === id || r.to === id)
      .delete()
    await db.annotations.delete(id)
  })
}

/** The spans and relations of a page of traces (an export reads them a page at a time). */
export async function annotationsOfTraces(
  db: TracemarkDB,
  traceIds: string[],
): Promise<{ annotations: Annotation[]; relations: Relation[] }> {
  const [annotations, relations] = await Promise.all([
    db.annotations.where('traceId').anyOf(traceIds).toArray(),
    db.relations.where('traceId').anyOf(traceIds).toArray(),
  ])
  return { annotations, relations }
}

/**
 * One change to a trace's spans, in one transaction: rows stored (new or changed) and rows
 * removed with their relations. The annotate screen's every action, undo and redo included.
 */
export async function changeAnnotations(
  db: TracemarkDB,
  change: { put: readonly Annotation[]; remove: readonly string[] },
): Promise<void> {
  for (const a of change.put) {
    if (a.end <= a.start) throw new RangeError(`empty span ${a.start}-${a.end}`)
  }
  await db.transaction('rw', db.annotations, db.relations, async () => {
    if (change.remove.length > 0) {
      const removed = new Set(change.remove)
      const traceIds = new Set(
        (await db.annotations.bulkGet([...removed])).flatMap((a) => (a ? [a.traceId] : [])),
      )
      for (const traceId of traceIds) {
        await db.relations
          .where('traceId')
          .equals(traceId)
          .filter((r) => removed.has(r.from) || removed.has(r.to))
          .delete()
      }
      await db.annotations.bulkDelete([...removed])
    }
    if (change.put.length > 0) await db.annotations.bulkPut([...change.put])
  })
}

/** Spans whose trace went away in a replacement: kept, listed, never dropped on their own. */
export function listOrphanSpans(db: TracemarkDB): Promise<Annotation[]> {
  return db.annotations.where('traceId').startsWith(ORPHAN_PREFIX).sortBy('updatedAt')
}

/** Deletes orphaned spans (the user's choice), with their relations. */
export async function deleteOrphanSpans(db: TracemarkDB, ids: string[]): Promise<void> {
  await db.transaction('rw', db.annotations, db.relations, async () => {
    const gone = new Set(ids)
    await db.relations
      .where('traceId')
      .startsWith(ORPHAN_PREFIX)
      .filter((r) => gone.has(r.from) || gone.has(r.to))
      .delete()
    await db.annotations.bulkDelete(ids)
  })
}

/** The labels and annotators of all stored spans (read from the indexes, not the rows). */
export async function annotationFacets(
  db: TracemarkDB,
): Promise<{ labels: string[]; annotators: string[] }> {
  const [labels, annotators] = await Promise.all([
    db.annotations.orderBy('label').uniqueKeys(),
    db.annotations.orderBy('annotator').uniqueKeys(),
  ])
  return { labels: labels.map(String), annotators: annotators.map(String) }
}

/** A trace's relations between spans. */
export function listRelations(db: TracemarkDB, traceId: string): Promise<Relation[]> {
  return db.relations.where('traceId').equals(traceId).toArray()
}

/**
 * What the agreement view reads for one dataset: its labels (not suggestions, not rejected ones),
 * the texts of the traces that have any, and those traces' keys.
 */
export async function agreementRows(
  db: TracemarkDB,
  traceIdPrefix: string,
): Promise<{
  spans: Annotation[]
  texts: Map<string, Record<TextField, string>>
  keys: Map<string, string>
}> {
  const spans = (await db.annotations.where('traceId').startsWith(traceIdPrefix).toArray()).filter(
    (a) => !a.rejected && a.origin !== 'suggestion',
  )
  const ids = [...new Set(spans.map((a) => a.traceId))]
  const [texts, traces] = await Promise.all([db.texts.bulkGet(ids), db.traces.bulkGet(ids)])
  const textMap = new Map<string, Record<TextField, string>>()
  const keys = new Map<string, string>()
  ids.forEach((id, i) => {
    const t = texts[i]
    if (t) textMap.set(id, { problem: t.problem, reasoning: t.reasoning, answer: t.answer })
    keys.set(id, traces[i]?.key ?? id)
  })
  return { spans, texts: textMap, keys }
}
