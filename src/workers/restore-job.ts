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
  anyAnnotation,
  anyRelation,
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
/**
 * How much text a staged restore holds while its preview reads on (UTF-16 code units; the rows
 * of a trace cost about twice their text in memory): the preview of a file up to about this size
 * is not held up by the writes; a larger one reads at the pace of the writes past it.
 */
const STAGE_AHEAD_CHARS = 64 * 2 ** 20

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
  const progress = new ProgressReporter(job, file.size, onProgress)
  const pipeline = new WritePipeline(job, batchSize)
  try {
    const checker = new TracemarkLineChecker(await knownLabelIds(db), request.fileName)
    await job.start()
    for await (const r of readRecords(file, request.fileName, signal)) {
      signal?.throwIfAborted()
      progress.bytes = r.bytesRead
      if (!r.ok) {
        job.bad({ at: describeLocation(r.location), reason: r.reason })
        continue
      }
      try {
        if (await pipeline.add(checker.check(r.record, r.location.index))) progress.report()
      } catch (error) {
        if (!(error instanceof TracemarkParseError)) throw error
        job.bad(badLineOf(error))
      }
    }
    await pipeline.finish()
    signal?.throwIfAborted()
    progress.bytes = file.size
    return await job.finish(progress)
  } catch (error) {
    await pipeline.settle()
    await job.rollBack()
    throw error
  } finally {
    job.releaseLocks()
  }
}

/**
 * A `new`-mode restore that writes a Tracemark export's valid lines while its preview reads and
 * checks them (restore-preview.ts), so that the rows are mostly stored by the time the user has
 * read the preview and chosen. Its datasets stay `importing` (hidden, and held by their import
 * locks) until `finish`: when the user chose to import as new datasets (and to skip the bad
 * lines, if any), it completes them; for any other choice, a cancel, or a failure while staging,
 * it takes back what it wrote and the ordinary restore runs instead.
 */
export class StagedRestore {
  private readonly job: RestoreJob
  private readonly pipeline: WritePipeline
  private state: 'waiting' | 'staging' | 'off' = 'waiting'
  /** Whether anything may have been written (else there is nothing to take back). */
  private begun = false
  private readonly db: TracemarkDB
  private readonly size: number

  constructor(db: TracemarkDB, file: Blob, fileName: string, batchSize = BATCH_SIZE) {
    this.db = db
    this.size = file.size
    const request = { fileName, mode: 'new', mergeInto: {}, skipBadLines: true } as const
    this.job = new RestoreJob(db, request, true)
    this.pipeline = new WritePipeline(this.job, batchSize, STAGE_AHEAD_CHARS)
  }

  /** Whether rows of the file are being written (the preview then keeps this for the restore). */
  get staging(): boolean {
    return this.state === 'staging'
  }

  /**
   * A checked line of the file. The first decides: a file whose first trace is already here
   * (same dataset key and problem) is most likely merged, so nothing is staged for it.
   */
  async add(record: TracemarkRecord): Promise<void> {
    if (this.state === 'waiting') {
      this.state = (await this.existsHere(record)) ? 'off' : 'staging'
      if (this.state === 'staging') {
        this.begun = true
        await this.job.start()
      }
    }
    if (this.state !== 'staging') return
    try {
      // Each dataset of the file (a write, and its lock) at its first line, not by the write of
      // its first batch: that batch then goes to IndexedDB as soon as it is full, while the
      // preview reads on (created in the batch's write, it waited for the preview's reading to
      // yield between its steps, and the first rows were stored after the preview had read
      // the whole file).
      await this.job.open(record.dataset)
      await this.pipeline.add(record)
    } catch (error) {
      // Staging is an optimisation: a failed write stops it, and the restore runs as without it.
      console.warn('staged restore stopped', error)
      this.state = 'off'
    }
  }

  /** The preview read the whole file: the last batch goes to be written too. */
  async endOfFile(): Promise<void> {
    if (this.state !== 'staging') return
    try {
      await this.pipeline.flush()
    } catch (error) {
      console.warn('staged restore stopped', error)
      this.state = 'off'
    }
  }

  /** A line that cannot be restored (the preview lists it), as the restore's summary lists it. */
  bad(row: BadRow): void {
    this.job.bad(row)
  }

  /**
   * Finishes the staged restore if `request` is what it staged; otherwise (or when staging
   * stopped) takes back what it wrote and resolves with null, for the ordinary restore to run.
   */
  async finish(
    request: RestoreRequest,
    onProgress: (p: RestoreProgress) => void,
    signal?: AbortSignal,
  ): Promise<RestoreSummary | null> {
    const fits =
      request.mode === 'new' && (request.skipBadLines || this.job.summary.badLineCount === 0)
    if (this.state !== 'staging' || !fits) {
      await this.discard()
      return null
    }
    const progress = new ProgressReporter(this.job, this.size, onProgress)
    progress.bytes = this.size
    try {
      await this.pipeline.finish()
      signal?.throwIfAborted()
      return await this.job.finish(progress)
    } catch (error) {
      await this.pipeline.settle()
      await this.job.rollBack()
      throw error
    } finally {
      this.state = 'off'
      this.job.releaseLocks()
    }
  }

  /** Takes back everything staged. */
  async discard(): Promise<void> {
    this.state = 'off'
    if (!this.begun) return
    try {
      await this.pipeline.stop()
      await this.job.rollBack()
    } finally {
      this.job.releaseLocks()
    }
  }

  private async existsHere(record: TracemarkRecord): Promise<boolean> {
    const { key, problemHash } = record.trace
    const found = await tracesWithProblems(this.db, [problemHash])
    return found.some((t) => matchKey(t.key, t.problemHash) === matchKey(key, problemHash))
  }
}

/** The restore's progress, at most every PROGRESS_EVERY_MS. */
class ProgressReporter {
  bytes = 0
  private last = 0
  private readonly started = Date.now()
  private readonly job: RestoreJob
  private readonly totalBytes: number
  private readonly onProgress: (p: RestoreProgress) => void

  constructor(job: RestoreJob, totalBytes: number, onProgress: (p: RestoreProgress) => void) {
    this.job = job
    this.totalBytes = totalBytes
    this.onProgress = onProgress
  }

  report(force = false): void {
    const now = Date.now()
    if (!force && now - this.last < PROGRESS_EVERY_MS) return
    this.last = now
    const { summary } = this.job
    this.onProgress({
      rows: summary.traces + summary.mergedTraces,
      badRows: summary.badLineCount,
      bytes: this.bytes,
      totalBytes: this.totalBytes,
      elapsedMs: now - this.started,
    })
  }
}

/**
 * Checked records gathered into batches, written in file order, one at a time, while the next
 * are read and checked (IndexedDB's work is in the browser's storage process), as the plain
 * import's batch writer overlaps them. `aheadChars` is how much text may wait to be written:
 * 0 (the restore) lets one batch be written while the next is gathered; a staged restore lets
 * the preview read on while many wait. A failed write stops the ones after it and surfaces at
 * the next `add` that waits, or at `finish`.
 */
class WritePipeline {
  private writing: Promise<void> = Promise.resolve()
  private readonly queued: { written: Promise<void>; chars: number }[] = []
  private queuedChars = 0
  private stopped = false
  private batch: TracemarkRecord[] = []
  private batchChars = 0
  private readonly job: RestoreJob
  private readonly batchSize: number
  private readonly aheadChars: number

  constructor(job: RestoreJob, batchSize: number, aheadChars = 0) {
    this.job = job
    this.batchSize = batchSize
    this.aheadChars = aheadChars
  }

  /** Adds a record; true when that filled a batch, which went to be written. */
  async add(record: TracemarkRecord): Promise<boolean> {
    this.batch.push(record)
    this.batchChars += textChars(record.texts)
    if (this.batch.length < this.batchSize && this.batchChars < BATCH_CHARS) return false
    await this.flush()
    return true
  }

  /** Everything added is stored. */
  async finish(): Promise<void> {
    await this.flush()
    await this.writing
  }

  /** Drops the batches not yet being written, then waits for the one that is (to roll back). */
  async stop(): Promise<void> {
    this.stopped = true
    await this.settle()
  }

  /** Waits for the writes queued to end, successfully or not (before a roll-back). */
  async settle(): Promise<void> {
    await this.writing.catch(() => {})
  }

  /** Sends the records gathered so far to be written, as a batch of their own. */
  async flush(): Promise<void> {
    const records = this.batch
    const chars = this.batchChars
    this.batch = []
    this.batchChars = 0
    if (records.length === 0) return
    while (this.queued.length > 0 && this.queuedChars + chars > this.aheadChars) {
      const oldest = this.queued.shift()!
      this.queuedChars -= oldest.chars
      await oldest.written
    }
    const written = this.writing.then(() => (this.stopped ? undefined : this.job.write(records)))
    written.catch(() => {})
    this.writing = written
    this.queued.push({ written, chars })
    this.queuedChars += chars
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
  private readonly staged: boolean
  /**
   * Whether the database held spans (relations) before this run: if not, the only ids taken
   * are the ones this run wrote (`usedSpanIds`), and the database need not be asked per batch.
   */
  private othersHave = { spans: true, relations: true }

  /** `staged`: the datasets are marked so until `complete` (Dataset.staged). */
  constructor(db: TracemarkDB, request: RestoreRequest, staged = false) {
    this.db = db
    this.request = request
    this.staged = staged
  }

  /** Looks once, before the first write, whether any span or relation is stored. */
  async start(): Promise<void> {
    this.othersHave = {
      spans: (await anyAnnotation(this.db)) !== undefined,
      relations: (await anyRelation(this.db)) !== undefined,
    }
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
    const takenSpans = this.othersHave.spans
      ? await existingAnnotationIds(
          this.db,
          records.flatMap((r) => r.annotations.map((a) => a.id)),
        )
      : new Set<string>()
    const takenRelations = this.othersHave.relations
      ? await existingRelationIds(
          this.db,
          records.flatMap((r) => r.relations.map((x) => x.id)),
        )
      : new Set<string>()
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

  /** Creates the dataset a file's dataset is restored into, before its first trace is written. */
  async open(record: TracemarkRecord['dataset']): Promise<void> {
    await this.datasetFor(record)
  }

  /** The dataset created for a file's dataset: with the file's id unless that id is taken. */
  private async datasetFor(record: TracemarkRecord['dataset']): Promise<NewDataset> {
    const known = this.created.get(record.id)
    if (known) return known
    const taken = await existingDatasetIds(this.db, [record.id])
    const id = taken.has(record.id) ? newId() : record.id
    await this.lock(id)
    const mark = this.staged ? { staged: true as const } : {}
    await beginDataset(this.db, { ...record, id, traceCount: 0, textChars: 0, ...mark })
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

  /** Once everything is written: the last progress, then the datasets made `ready`. */
  async finish(progress: ProgressReporter): Promise<RestoreSummary> {
    progress.report(true)
    if (this.summary.traces + this.summary.mergedTraces === 0) {
      throw new ImportError(`${this.request.fileName}: no trace could be restored`)
    }
    await this.complete()
    return this.summary
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
