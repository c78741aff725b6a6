/**
 * One import, from a file to `ready` rows (DESIGN section 3): stream the records, map them to
 * traces with the mapping the user confirmed, compute metrics, write in batches. Runs in the
 * import worker and in node tests. It never touches another dataset (but the one it replaces,
 * at the very end, in one transaction); on any error it removes what it wrote.
 */
import { beginDataset, completeDataset, deleteDataset, holdDataset } from '../db/datasets'
import { planReplace } from '../db/dataset-replace'
import type { TracemarkDB } from '../db/database'
import { readRecords } from '../lib/import/formats/read-records'
import { describeLocation, FormatError } from '../lib/import/formats/source-record'
import { recordMapper, type MappedTrace } from '../lib/import/map-records'
import { sourceKey } from '../lib/import/source-name'
import { RowError } from '../lib/import/normalise-record'
import type { DuplicateKeys, PendingDecision } from '../lib/traces/trace-model'
import {
  MAX_LISTED_BAD_ROWS,
  type BadRow,
  type ImportProgress,
  type ImportRequest,
  type ImportSummary,
} from './import-protocol'
import { batchWriter } from './batch-writer'
import { batchIsFull, batchLimit } from '../lib/import/batch-size'
import { inThreadMetrics } from './metrics-computer'
import type { MetricsComputer } from './metrics-protocol'
import { loadProblems } from './problem-source'
import { uncompressedSize } from '../lib/import/formats/byte-source'

const PROGRESS_EVERY_MS = 200

export class ImportError extends Error {}

export async function runImport(
  db: TracemarkDB,
  file: Blob,
  request: ImportRequest,
  onProgress: (p: ImportProgress) => void,
  signal?: AbortSignal,
  metrics?: MetricsComputer,
): Promise<ImportSummary> {
  try {
    return await importRecords(db, file, request, onProgress, signal, metrics)
  } catch (error) {
    if (error instanceof FormatError || error instanceof ImportError || signal?.aborted) throw error
    const message = error instanceof Error ? error.message : String(error)
    throw new ImportError(`${request.fileName}: ${message}`, { cause: error })
  }
}

async function importRecords(
  db: TracemarkDB,
  file: Blob,
  request: ImportRequest,
  onProgress: (p: ImportProgress) => void,
  signal: AbortSignal | undefined,
  metrics: MetricsComputer | undefined,
): Promise<ImportSummary> {
  const { datasetId, fileName, mapping } = request
  const started = Date.now()
  // In the bytes the readers count: decompressed ones for gzip when its trailer gives the size.
  const totalBytes = await uncompressedSize(file)
  const problems = request.problems ? await loadProblems(request.problems, signal) : null
  await beginDataset(db, {
    id: datasetId,
    name: request.name,
    source: fileName,
    format: request.format,
    importedAt: started,
    fieldMap: mapping.fieldMap,
    traceCount: 0,
    status: 'importing',
    variant: request.variant,
    textChars: 0,
  })
  const writer = batchWriter(
    db,
    datasetId,
    metrics ?? inThreadMetrics(request.lexicon),
    started,
    () => report(),
    sourceKey(fileName),
  )
  const badRows: BadRow[] = []
  let badRowCount = 0
  let rows = 0
  let joinedProblems = 0
  let textChars = 0
  let bytes = 0
  let lastReport = 0
  function report(force = false) {
    const now = Date.now()
    if (!force && now - lastReport < PROGRESS_EVERY_MS) return
    lastReport = now
    onProgress({
      rows,
      badRows: badRowCount,
      bytes,
      totalBytes,
      elapsedMs: now - started,
    })
  }
  const keys = new Set<string>()
  const duplicates: DuplicateKeys = { count: 0, examples: [] }
  let place = ''
  const bad = (at: string, reason: string) => {
    badRowCount += 1
    if (badRows.length < MAX_LISTED_BAD_ROWS) badRows.push({ at, reason })
  }
  const add = (mapped: MappedTrace) => {
    if (!mapped.model && request.defaultModel) mapped.model = request.defaultModel
    if (problems && !mapped.problem) {
      const entry = problems.get(mapped.joinKey)
      if (entry) {
        mapped.problem = entry.problem
        mapped.gold ||= entry.gold
        joinedProblems += 1
      }
    }
    rows += 1
    if (keys.has(mapped.key)) {
      duplicates.count += 1
      if (duplicates.examples.length < 5) duplicates.examples.push({ key: mapped.key, at: place })
    } else keys.add(mapped.key)
    textChars += mapped.problem.length + mapped.reasoning.length + mapped.answer.length
    writer.add(mapped, rows)
  }
  const mapper = recordMapper(mapping, sourceKey(fileName))
  try {
    for await (const record of readRecords(file, fileName, signal)) {
      signal?.throwIfAborted()
      bytes = record.bytesRead
      place = describeLocation(record.location)
      if (!record.ok) {
        bad(describeLocation(record.location), record.reason)
        continue
      }
      try {
        for (const mapped of mapper.add(record.record, record.location.index)) add(mapped)
      } catch (error) {
        if (!(error instanceof RowError)) throw error
        bad(describeLocation(record.location), error.message)
      }
      if (batchIsFull(batchLimit(writer.dispatched), writer.size, writer.chars))
        await writer.dispatch()
    }
    try {
      for (const mapped of mapper.finish()) add(mapped)
    } catch (error) {
      if (!(error instanceof RowError)) throw error
      bad('the whole file', error.message)
    }
    await writer.finish()
    signal?.throwIfAborted()
    bytes = totalBytes
    report(true)
    if (rows === 0) {
      const first = badRows[0]
      const detail = first ? `; first: ${first.at}: ${first.reason}` : ''
      throw new ImportError(`${fileName}: no valid records (${badRowCount} bad${detail})`)
    }
    const replaces = request.replaceDatasetId
    const plan = replaces ? await planReplace(db, replaces, datasetId) : null
    const pending: PendingDecision | null =
      badRowCount > 0 || (plan?.orphanSpans ?? 0) > 0
        ? {
            reason: badRowCount > 0 ? 'bad-rows' : 'replace',
            badRowCount,
            badRows,
            ...(duplicates.count > 0 && { duplicates }),
            ...(replaces && { replaces, spans: plan?.spans, orphanSpans: plan?.orphanSpans }),
          }
        : null
    const summary: ImportSummary = {
      datasetId,
      traceCount: rows,
      textChars,
      badRowCount,
      badRows,
      fieldMap: mapping.fieldMap,
      joinedProblems,
      duplicates,
      movedSpans: plan?.spans ?? 0,
      awaitingDecision: pending !== null,
    }
    // Held back for the user's decision (kept in the dataset row); otherwise the dataset is done.
    if (pending) await holdDataset(db, datasetId, { traceCount: rows, textChars }, pending)
    else await completeDataset(db, datasetId, summary, replaces)
    return summary
  } catch (error) {
    await writer.settle()
    await deleteDataset(db, datasetId)
    throw error
  }
}
