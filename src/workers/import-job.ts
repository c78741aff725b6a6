/**
 * One import, from a file to `ready` rows (DESIGN section 3): stream the records, map them to
 * traces with the mapping the user confirmed, compute metrics, write in batches. Runs in the
 * import worker and in node tests. It never touches another dataset (but the one it replaces,
 * at the very end, in one transaction); on any error it removes what it wrote.
 */
import { beginDataset, completeDataset, deleteDataset, setDatasetTotals } from '../db/datasets'
import type { TracemarkDB } from '../db/database'
import { readRecords } from '../lib/import/formats/read-records'
import { describeLocation, FormatError } from '../lib/import/formats/source-record'
import { mapRecord, type MappedTrace } from '../lib/import/map-records'
import { RowError } from '../lib/import/normalise-record'
import {
  MAX_LISTED_BAD_ROWS,
  type BadRow,
  type ImportProgress,
  type ImportRequest,
  type ImportSummary,
} from './import-protocol'
import { batchWriter } from './batch-writer'
import { inThreadMetrics } from './metrics-computer'
import type { MetricsComputer } from './metrics-protocol'
import { loadProblems } from './problem-source'

const BATCH_SIZE = 500
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
      totalBytes: file.size,
      elapsedMs: now - started,
    })
  }
  const bad = (at: string, reason: string) => {
    badRowCount += 1
    if (badRows.length < MAX_LISTED_BAD_ROWS) badRows.push({ at, reason })
  }
  const add = (mapped: MappedTrace) => {
    if (problems && !mapped.problem) {
      const entry = problems.get(mapped.joinKey)
      if (entry) {
        mapped.problem = entry.problem
        mapped.gold ||= entry.gold
        joinedProblems += 1
      }
    }
    rows += 1
    textChars += mapped.problem.length + mapped.reasoning.length + mapped.answer.length
    writer.add(mapped, rows)
  }
  try {
    for await (const record of readRecords(file, fileName, signal)) {
      signal?.throwIfAborted()
      bytes = record.bytesRead
      if (!record.ok) {
        bad(describeLocation(record.location), record.reason)
        continue
      }
      try {
        for (const mapped of mapRecord(record.record, mapping, record.location.index)) add(mapped)
      } catch (error) {
        if (!(error instanceof RowError)) throw error
        bad(describeLocation(record.location), error.message)
      }
      if (writer.size >= BATCH_SIZE) await writer.dispatch()
    }
    await writer.finish()
    signal?.throwIfAborted()
    bytes = file.size
    report(true)
    if (rows === 0) {
      const first = badRows[0]
      const detail = first ? `; first: ${first.at}: ${first.reason}` : ''
      throw new ImportError(`${fileName}: no valid records (${badRowCount} bad${detail})`)
    }
    const summary: ImportSummary = {
      datasetId,
      traceCount: rows,
      textChars,
      badRowCount,
      badRows,
      fieldMap: mapping.fieldMap,
      joinedProblems,
      awaitingDecision: badRowCount > 0,
    }
    // Held back for the user's decision: the totals are kept; otherwise the dataset is done.
    if (summary.awaitingDecision)
      await setDatasetTotals(db, datasetId, { traceCount: rows, textChars })
    else await completeDataset(db, datasetId, summary, request.replaceDatasetId)
    return summary
  } catch (error) {
    await writer.settle()
    await deleteDataset(db, datasetId)
    throw error
  }
}
