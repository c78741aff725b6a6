/**
 * The restore of a Tracemark export (DESIGN section 6), in the import worker and in node tests.
 * Each dataset of the file becomes a dataset again with its keys, texts, `extra`, tags, status,
 * metrics, spans and relations as they were (the file's ids where they are free, new ones where
 * they are taken); or, for `merge`, the spans and relations of traces that already exist go onto
 * them, each keeping its annotator and id, a span already there not added twice, and each
 * annotator's trace tags are joined with theirs.
 * Bad lines are skipped only when the user chose so after the preview; otherwise the first one
 * stops the restore. Whatever stops it, everything it wrote is taken back: new datasets are
 * removed whole, merged spans and relations deleted, joined tags put back; nothing stored
 * before changes.
 */
import { beginDataset, completeDataset, deleteDataset } from '../db/datasets'
import type { TracemarkDB } from '../db/database'
import {
  annotationsOfTraces,
  existingAnnotationIds,
  existingDatasetIds,
  existingRelationIds,
  knownLabelIds,
  putRestoreBatch,
  relationsOfTraces,
  removeMergedRows,
  tracesWithProblems,
  type RestoreBatch,
} from '../db/restore'
import type { TracemarkRecord } from '../lib/export/tracemark-schema'
import { describeLocation } from '../lib/import/formats/source-record'
import { readRecords } from '../lib/import/formats/read-records'
import {
  badLineOf,
  matchKey,
  TracemarkLineChecker,
  TracemarkParseError,
} from '../lib/import/tracemark-lines'
import { newId, traceId, traceIdPrefix } from '../lib/traces/ids'
import type { Annotation, Relation, Trace, TraceTexts } from '../lib/traces/trace-model'
import { mergeTags } from '../lib/traces/trace-tags'
import { ImportError } from './import-job'
import { MAX_LISTED_BAD_ROWS, importLockName, type BadRow } from './import-protocol'
import type {
  RestoreProgress,
  RestoreRequest,
  RestoreSummary,
  RestoredDataset,
} from './restore-protocol'

/**
 * A batch is written once it holds BATCH_SIZE traces or BATCH_CHARS code units of text (as the
 * plain import sizes its batches), so long traces keep the memory in flight bounded: one batch
 * being written while the next is read and checked.
 */
const BATCH_SIZE = 500
const BATCH_CHARS = 4 * 2 ** 20
const PROGRESS_EVERY_MS = 200

interface NewDataset extends RestoredDataset {
  textChars: number
  record: TracemarkRecord['dataset']
}

export async function runRestore(
  db: TracemarkDB,
  file: Blob,
  request: RestoreRequest,
  onProgress: (p: RestoreProgress) => void,
  signal?: AbortSignal,
  batchSize = BATCH_SIZE,
): Promise<RestoreSummary> {
  const job = new RestoreJob(db, request)
  const started = Date.now()
  let bytes = 0
  let lastReport = 0
  const report = (force = false) => {
    const now = Date.now()
    if (!force && now - lastReport < PROGRESS_EVERY_MS) return
    lastReport = now
    onProgress({
      rows: job.summary.traces + job.summary.mergedTraces,
      badRows: job.summary.badLineCount,
      bytes,
      totalBytes: file.size,
      elapsedMs: now - started,
    })
  }
  // The write of one batch runs while the next is read and checked (IndexedDB's work is in the
  // browser's storage process): as the plain import's batch writer overlaps them. Writes stay in
  // file order, one at a time; a failed one surfaces at the next flush.
  let writing: Promise<void> = Promise.resolve()
  let batch: TracemarkRecord[] = []
  let batchChars = 0
  const flush = async () => {
    const records = batch
    batch = []
    batchChars = 0
    await writing
    writing = job.write(records)
    writing.catch(() => {})
  }
  try {
    const checker = new TracemarkLineChecker(await knownLabelIds(db), request.fileName)
    for await (const r of readRecords(file, request.fileName, signal)) {
      signal?.throwIfAborted()
      bytes = r.bytesRead
      if (!r.ok) {
        job.bad({ at: describeLocation(r.location), reason: r.reason })
        continue
      }
      try {
        const record = checker.check(r.record, r.location.index)
        batch.push(record)
        batchChars += textChars(record.texts)
      } catch (error) {
        if (!(error instanceof TracemarkParseError)) throw error
        job.bad(badLineOf(error))
      }
      if (batch.length >= batchSize || batchChars >= BATCH_CHARS) {
        await flush()
        report()
      }
    }
    await flush()
    await writing
    signal?.throwIfAborted()
    bytes = file.size
    report(true)
    if (job.summary.traces + job.summary.mergedTraces === 0) {
      throw new ImportError(`${request.fileName}: no trace could be restored`)
    }
    await job.complete()
    return job.summary
  } catch (error) {
    await writing.catch(() => {})
    await job.rollBack()
    throw error
  } finally {
    job.releaseLocks()
  }
}

class RestoreJob {
  readonly summary: RestoreSummary = {
    datasets: [],
    traces: 0,
    mergedTraces: 0,
    spans: 0,
    duplicateSpans: 0,
    relations: 0,
    badLineCount: 0,
    badLines: [],
  }
  /** File dataset id → the dataset created for its traces that are restored, not merged. */
  private readonly created = new Map<string, NewDataset>()
  /** Ids written by this run (the database's uniqueness is checked against them too). */
  private readonly usedSpanIds = new Set<string>()
  private readonly usedRelationIds = new Set<string>()
  private readonly mergedSpanIds: string[] = []
  private readonly mergedRelationIds: string[] = []
  /** Traces here whose tags a merge changed: their tags before it. */
  private readonly retagged = new Map<string, Pick<Trace, 'tags' | 'tagsBy' | 'updatedAt'>>()
  private readonly locks: (() => void)[] = []
  private readonly db: TracemarkDB
  private readonly request: RestoreRequest

  constructor(db: TracemarkDB, request: RestoreRequest) {
    this.db = db
    this.request = request
  }

  bad(row: BadRow): void {
    if (!this.request.skipBadLines) {
      throw new ImportError(`${this.request.fileName}, ${row.at}: ${row.reason}`)
    }
    this.summary.badLineCount += 1
    if (this.summary.badLines.length < MAX_LISTED_BAD_ROWS) this.summary.badLines.push(row)
  }

  async write(records: TracemarkRecord[]): Promise<void> {
    if (records.length === 0) return
    const matched = await this.matchExisting(records)
    const takenSpans = await existingAnnotationIds(
      this.db,
      records.flatMap((r) => r.annotations.map((a) => a.id)),
    )
    const takenRelations = await existingRelationIds(
      this.db,
      records.flatMap((r) => r.relations.map((x) => x.id)),
    )
    const stored = await this.storedAnnotations([...matched.values()].map((t) => t.id))
    const batch: RestoreBatch = {
      traces: [],
      texts: [],
      annotations: [],
      relations: [],
      traceTags: [],
    }
    for (const record of records) {
      const existing = matched.get(record)
      const target = existing ?? (await this.restoreTrace(record, batch))
      const { spans, relations } = this.placeAnnotations(
        record,
        target.id,
        existing ? (stored.get(existing.id) ?? emptyStored()) : emptyStored(),
        takenSpans,
        takenRelations,
      )
      batch.annotations.push(...spans)
      batch.relations.push(...relations)
      this.summary.spans += spans.length
      this.summary.relations += relations.length
      if (existing) {
        this.joinTags(existing, record, batch)
        this.summary.mergedTraces += 1
        this.mergedSpanIds.push(...spans.map((s) => s.id))
        this.mergedRelationIds.push(...relations.map((r) => r.id))
      }
    }
    await putRestoreBatch(this.db, batch)
  }

  /**
   * Each annotator's tags of the file joined onto a trace here (`tagsBy`, and `tags` with them;
   * the file's unattributed tags are not taken). The trace's tags before the first change are
   * kept, so that a failed restore puts them back.
   */
  private joinTags(existing: Trace, record: TracemarkRecord, batch: RestoreBatch): void {
    const theirs = record.trace.tagsBy
    if (!theirs) return
    const joined = mergeTags(existing, { tags: Object.values(theirs).flat(), tagsBy: theirs })
    if (!joined.changed || !joined.tagsBy) return
    if (!this.retagged.has(existing.id)) {
      const { tags, tagsBy, updatedAt } = existing
      this.retagged.set(existing.id, { tags, tagsBy, updatedAt })
    }
    batch.traceTags!.push({ id: existing.id, tags: joined.tags, tagsBy: joined.tagsBy })
  }

  /** For `merge`: the stored trace each record lands on (same key and problem), if any. */
  private async matchExisting(records: TracemarkRecord[]): Promise<Map<TracemarkRecord, Trace>> {
    const matched = new Map<TracemarkRecord, Trace>()
    if (this.request.mode !== 'merge') return matched
    const candidates = records.filter((r) => this.request.mergeInto[r.dataset.id] !== undefined)
    if (candidates.length === 0) return matched
    const stored = await tracesWithProblems(
      this.db,
      candidates.map((r) => r.trace.problemHash),
    )
    const byKey = new Map<string, Trace>()
    for (const trace of stored) {
      const key = `${trace.datasetId}\u0000${matchKey(trace.key, trace.problemHash)}`
      if (!byKey.has(key)) byKey.set(key, trace)
    }
    for (const record of candidates) {
      const into = this.request.mergeInto[record.dataset.id]!
      const found = byKey.get(
        `${into}\u0000${matchKey(record.trace.key, record.trace.problemHash)}`,
      )
      if (found) matched.set(record, found)
    }
    return matched
  }

  private async storedAnnotations(traceIds: string[]): Promise<Map<string, StoredOnTrace>> {
    const map = new Map<string, StoredOnTrace>()
    if (traceIds.length === 0) return map
    const of = (id: string) => {
      let entry = map.get(id)
      if (!entry) map.set(id, (entry = emptyStored()))
      return entry
    }
    for (const a of await annotationsOfTraces(this.db, traceIds)) {
      const entry = of(a.traceId)
      entry.spanIds.add(a.id)
      entry.spanBySignature.set(spanSignature(a), a.id)
    }
    for (const r of await relationsOfTraces(this.db, traceIds)) {
      const entry = of(r.traceId)
      entry.relationIds.add(r.id)
      entry.relationSignatures.add(relationSignature(r.from, r.to, r))
    }
    return map
  }

  /** Adds the record's trace and texts to the batch, in the dataset restored for its dataset. */
  private async restoreTrace(record: TracemarkRecord, batch: RestoreBatch): Promise<Trace> {
    const dataset = await this.datasetFor(record.dataset)
    const { trace, texts } = record
    const id = trace.id.startsWith(traceIdPrefix(dataset.id))
      ? trace.id
      : traceId(dataset.id, trace.ordinal)
    const restored: Trace = { ...trace, id, datasetId: dataset.id }
    batch.traces.push(restored)
    batch.texts.push({ ...texts, traceId: id, datasetId: dataset.id })
    dataset.traces += 1
    dataset.textChars += textChars(texts)
    this.summary.traces += 1
    return restored
  }

  /** The dataset created for a file's dataset: with the file's id unless that id is taken. */
  private async datasetFor(record: TracemarkRecord['dataset']): Promise<NewDataset> {
    const known = this.created.get(record.id)
    if (known) return known
    const taken = await existingDatasetIds(this.db, [record.id])
    const id = taken.has(record.id) ? newId() : record.id
    await this.lock(id)
    await beginDataset(this.db, { ...record, id, traceCount: 0, textChars: 0 })
    const dataset: NewDataset = { id, name: record.name, traces: 0, textChars: 0, record }
    this.created.set(record.id, dataset)
    this.summary.datasets.push(dataset)
    return dataset
  }

  /**
   * The record's spans and relations for the trace `traceId`: ids kept where free, spans already
   * on the trace (same id, or same field, offsets, label and annotator) left out, and relations
   * rewired to the ids the spans got.
   */
  private placeAnnotations(
    record: TracemarkRecord,
    traceId: string,
    stored: StoredOnTrace,
    takenSpans: ReadonlySet<string>,
    takenRelations: ReadonlySet<string>,
  ): { spans: Annotation[]; relations: Relation[] } {
    const idOf = new Map<string, string>()
    const spans: Annotation[] = []
    for (const span of record.annotations) {
      const present = stored.spanIds.has(span.id)
        ? span.id
        : stored.spanBySignature.get(spanSignature(span))
      if (present !== undefined) {
        idOf.set(span.id, present)
        this.summary.duplicateSpans += 1
        continue
      }
      const id = takenSpans.has(span.id) || this.usedSpanIds.has(span.id) ? newId() : span.id
      this.usedSpanIds.add(id)
      idOf.set(span.id, id)
      spans.push({ ...span, id, traceId })
    }
    const relations: Relation[] = []
    for (const relation of record.relations) {
      const from = idOf.get(relation.from)!
      const to = idOf.get(relation.to)!
      if (
        stored.relationIds.has(relation.id) ||
        stored.relationSignatures.has(relationSignature(from, to, relation))
      ) {
        continue
      }
      const taken = takenRelations.has(relation.id) || this.usedRelationIds.has(relation.id)
      const id = taken ? newId() : relation.id
      this.usedRelationIds.add(id)
      relations.push({ ...relation, id, traceId, from, to })
    }
    return { spans, relations }
  }

  /** Makes the restored datasets `ready`. */
  async complete(): Promise<void> {
    for (const dataset of this.created.values()) {
      await completeDataset(this.db, dataset.id, {
        traceCount: dataset.traces,
        textChars: dataset.textChars,
        fieldMap: dataset.record.fieldMap,
      })
    }
  }

  /** Takes back everything this run wrote. */
  async rollBack(): Promise<void> {
    for (const dataset of this.created.values()) await deleteDataset(this.db, dataset.id)
    await removeMergedRows(this.db, this.mergedSpanIds, this.mergedRelationIds, this.retagged)
  }

  /** Holds the import lock of a dataset being restored, so another tab's clean-up spares it. */
  private async lock(datasetId: string): Promise<void> {
    const locks = globalThis.navigator?.locks as LockManager | undefined
    if (!locks) return
    await new Promise<void>((acquired) => {
      locks
        .request(importLockName(datasetId), () => {
          acquired()
          return new Promise<void>((release) => this.locks.push(release))
        })
        .catch((error: unknown) => console.error('import lock failed', error))
    })
  }

  releaseLocks(): void {
    for (const release of this.locks) release()
  }
}

interface StoredOnTrace {
  spanIds: Set<string>
  spanBySignature: Map<string, string>
  relationIds: Set<string>
  relationSignatures: Set<string>
}

function emptyStored(): StoredOnTrace {
  return {
    spanIds: new Set(),
    spanBySignature: new Map(),
    relationIds: new Set(),
    relationSignatures: new Set(),
  }
}

/** Two spans are the same span when they cover the same text with the same label by the same person. */
function spanSignature(a: Pick<Annotation, 'field' | 'start' | 'end' | 'label' | 'annotator'>) {
  return [a.field, a.start, a.end, a.label, a.annotator].join('\u0000')
}

function relationSignature(from: string, to: string, r: Pick<Relation, 'label' | 'annotator'>) {
  return [from, to, r.label, r.annotator].join('\u0000')
}

/** UTF-16 code units of a trace's texts, as a dataset's `textChars` counts them. */
function textChars(texts: Pick<TraceTexts, 'problem' | 'reasoning' | 'answer'>): number {
  return texts.problem.length + texts.reasoning.length + texts.answer.length
}
