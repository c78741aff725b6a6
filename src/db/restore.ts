/**
 * Table access of the re-import of Tracemark exports (DESIGN section 6): which of a file's
 * rows already exist, and the writes of a restore, each batch in one transaction.
 */
import { TAXONOMY_PRESETS } from '../lib/analysis/taxonomy-presets'
import type { Annotation, Relation, Trace, TraceTexts } from '../lib/traces/trace-model'
import type { TracemarkDB } from './database'

/** `anyOf` with thousands of keys is slow in some engines; ask in chunks. */
const CHUNK = 1000

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK))
  return out
}

/** Every label id of every taxonomy, presets and stored ones: what a span may be labelled. */
export async function knownLabelIds(db: TracemarkDB): Promise<Set<string>> {
  const stored = await db.taxonomies.toArray()
  const ids = new Set<string>()
  for (const taxonomy of [...TAXONOMY_PRESETS, ...stored]) {
    for (const label of taxonomy.labels) ids.add(label.id)
  }
  return ids
}

/** Which of these dataset ids are taken. */
export async function existingDatasetIds(db: TracemarkDB, ids: string[]): Promise<Set<string>> {
  const found = await db.datasets.bulkGet(ids)
  return new Set(found.flatMap((d) => (d ? [d.id] : [])))
}

export async function datasetNames(db: TracemarkDB, ids: string[]): Promise<Map<string, string>> {
  const found = await db.datasets.bulkGet(ids)
  return new Map(found.flatMap((d) => (d ? [[d.id, d.name] as const] : [])))
}

/** The ready traces whose problem hash is one of these (the candidates a file's traces match). */
export async function tracesWithProblems(db: TracemarkDB, hashes: string[]): Promise<Trace[]> {
  // No ready dataset (a fresh profile; a staged restore's own rows are `importing`): no match,
  // and the index is not walked key by key for every hash of the file.
  if ((await db.datasets.where('status').equals('ready').count()) === 0) return []
  const unique = [...new Set(hashes)]
  const found: Trace[] = []
  for (const part of chunks(unique)) {
    found.push(...(await db.traces.where('problemHash').anyOf(part).toArray()))
  }
  const ready = await existingReadyDatasets(db, [...new Set(found.map((t) => t.datasetId))])
  return found.filter((t) => ready.has(t.datasetId))
}

async function existingReadyDatasets(db: TracemarkDB, ids: string[]): Promise<Set<string>> {
  const found = await db.datasets.bulkGet(ids)
  return new Set(found.flatMap((d) => (d?.status === 'ready' ? [d.id] : [])))
}

/** The spans already stored on these traces. */
export async function annotationsOfTraces(
  db: TracemarkDB,
  traceIds: string[],
): Promise<Annotation[]> {
  const found: Annotation[] = []
  for (const part of chunks(traceIds)) {
    found.push(...(await db.annotations.where('traceId').anyOf(part).toArray()))
  }
  return found
}

export async function relationsOfTraces(db: TracemarkDB, traceIds: string[]): Promise<Relation[]> {
  const found: Relation[] = []
  for (const part of chunks(traceIds)) {
    found.push(...(await db.relations.where('traceId').anyOf(part).toArray()))
  }
  return found
}

/**
 * Which of these annotation ids are taken. Asked of the keys only, in one cursor that jumps from
 * id to id (`anyOf`): no row is read, and ids that are free (the usual case: a fresh database,
 * or a file whose spans are not here) cost nothing; a `get` per id cost a restore of 8,000 spans
 * about two seconds (bench `import/roundtrip-reimport`).
 */
export function existingAnnotationIds(db: TracemarkDB, ids: string[]): Promise<Set<string>> {
  return takenKeys(db.annotations, ids)
}

export function existingRelationIds(db: TracemarkDB, ids: string[]): Promise<Set<string>> {
  return takenKeys(db.relations, ids)
}

/** The key of some stored span, or undefined when there is none (one step of a key cursor). */
export async function anyAnnotation(db: TracemarkDB): Promise<string | undefined> {
  return (await db.annotations.limit(1).primaryKeys())[0]
}

export async function anyRelation(db: TracemarkDB): Promise<string | undefined> {
  return (await db.relations.limit(1).primaryKeys())[0]
}

async function takenKeys(
  table: TracemarkDB['annotations'] | TracemarkDB['relations'],
  ids: string[],
): Promise<Set<string>> {
  const taken = new Set<string>()
  for (const part of chunks(ids)) {
    for (const id of await table.where(':id').anyOf(part).primaryKeys()) taken.add(id)
  }
  return taken
}

export interface RestoreBatch {
  traces: Trace[]
  texts: TraceTexts[]
  annotations: Annotation[]
  relations: Relation[]
  /** Traces here whose tags by annotator a merge joined: what to write. */
  traceTags?: { id: string; tags: string[]; tagsBy: Record<string, string[]> }[]
}

/**
 * One batch of a restore: new traces with their texts, and spans and relations (new or merged).
 * Every id here is free (the restore checked them, or made them): `bulkPut` writes them as an
 * add would, without the existence check IndexedDB makes for each added row (in Chromium a
 * lookup per row, about a quarter of the storage process's time per row in a trace of the bench
 * `import/roundtrip-reimport`).
 */
export async function putRestoreBatch(db: TracemarkDB, batch: RestoreBatch): Promise<void> {
  await db.transaction('rw', [db.traces, db.texts, db.annotations, db.relations], async () => {
    // All four handed over at once: the storage process works through them while this thread
    // goes on (the staged restore's preview reads the file meanwhile); awaited one table after
    // the other, each waited for this thread's turn before the next was sent.
    const puts = [db.traces.bulkPut(batch.traces), db.texts.bulkPut(batch.texts)]
    if (batch.annotations.length > 0) puts.push(db.annotations.bulkPut(batch.annotations))
    if (batch.relations.length > 0) puts.push(db.relations.bulkPut(batch.relations))
    await Promise.all(puts)
    for (const { id, tags, tagsBy } of batch.traceTags ?? []) {
      await db.traces.update(id, { tags, tagsBy, updatedAt: Date.now() })
    }
  })
}

/**
 * Takes back spans and relations a failed or cancelled restore added to existing traces, and
 * puts back the tags it joined onto them (`tagsBy` absent again where it was).
 */
export async function removeMergedRows(
  db: TracemarkDB,
  annotationIds: string[],
  relationIds: string[],
  retagged: ReadonlyMap<string, Pick<Trace, 'tags' | 'tagsBy' | 'updatedAt'>> = new Map(),
): Promise<void> {
  await db.transaction('rw', db.annotations, db.relations, db.traces, async () => {
    await db.relations.bulkDelete(relationIds)
    await db.annotations.bulkDelete(annotationIds)
    for (const [id, { tags, tagsBy, updatedAt }] of retagged) {
      await db.traces.update(id, { tags, tagsBy, updatedAt })
    }
  })
}
