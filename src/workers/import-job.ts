/**
 * One import, from a file to `ready` rows (DESIGN section 3): stream, parse, detect the fields on
 * the first rows, normalise, compute metrics, write in batches. Runs in the import worker and in
 * node tests. It never touches another dataset; on any error it removes what it wrote.
 */
import { beginDataset, deleteDataset, finishDataset } from '../db/datasets'
import type { TracemarkDB } from '../db/database'
import { putTraceBatch } from '../db/traces'
import { compileLexicon } from '../lib/analysis/match-pivots'
import { buildRows } from '../lib/import/build-rows'
import { detectFieldMap } from '../lib/import/detect-fields'
import { normaliseRecord, RowError } from '../lib/import/normalise-record'
import { parseJsonl, type ParsedLine } from '../lib/import/parse-jsonl'
import { readLines } from '../lib/import/read-lines'
import type { Trace, TraceTexts } from '../lib/trace-model'
import {
  MAX_LISTED_BAD_ROWS,
  type BadRow,
  type ImportProgress,
  type ImportRequest,
  type ImportSummary,
} from './import-protocol'
import { openSourceStream, SourceError } from './open-source-stream'

const SAMPLE_ROWS = 50
const BATCH_SIZE = 500
const PROGRESS_EVERY_MS = 200

export class ImportError extends SourceError {}

export async function runImport(
  db: TracemarkDB,
  file: Blob,
  request: ImportRequest,
  onProgress: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportSummary> {
  try {
    return await importStream(db, file, request, onProgress, signal)
  } catch (error) {
    if (error instanceof SourceError || signal?.aborted) throw error
    const message = error instanceof Error ? error.message : String(error)
    throw new ImportError(`${request.fileName}: ${message}`, { cause: error })
  }
}

async function importStream(
  db: TracemarkDB,
  file: Blob,
  request: ImportRequest,
  onProgress: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportSummary> {
  const { datasetId, fileName } = request
  const started = Date.now()
  const lines = parseJsonl(readLines(await openSourceStream(file, fileName)))
  const iterator = lines[Symbol.asyncIterator]()

  const head: ParsedLine[] = []
  while (head.filter((l) => l.ok).length < SAMPLE_ROWS) {
    const next = await iterator.next()
    if (next.done) break
    head.push(next.value)
  }
  const samples = head.flatMap((l) => (l.ok ? [l.record] : []))
  if (samples.length === 0) throw new ImportError(noRowsMessage(fileName, head))
  const objects = samples.filter(isObject)
  const fieldMap = detectFieldMap(objects)
  if (!fieldMap.reasoning) {
    const fields = [...new Set(objects.flatMap(Object.keys))].join(', ') || 'none'
    throw new ImportError(`${fileName}: no reasoning field found (fields: ${fields})`)
  }

  await beginDataset(db, {
    id: datasetId,
    name: request.name,
    source: fileName,
    format: 'jsonl',
    importedAt: started,
    fieldMap,
    traceCount: 0,
    status: 'importing',
    variant: request.variant,
    textChars: 0,
  })
  try {
    const lexicon = compileLexicon(request.lexicon)
    const badRows: BadRow[] = []
    let badRowCount = 0
    let rows = 0
    let textChars = 0
    let bytes = 0
    let traces: Trace[] = []
    let texts: TraceTexts[] = []
    let lastReport = 0
    const report = (force = false) => {
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
    const flush = async () => {
      if (traces.length === 0) return
      await putTraceBatch(db, traces, texts)
      traces = []
      texts = []
      report()
    }
    const bad = (line: number, reason: string) => {
      badRowCount += 1
      if (badRows.length < MAX_LISTED_BAD_ROWS) badRows.push({ line, reason })
    }

    for await (const line of concat(head, iterator)) {
      signal?.throwIfAborted()
      bytes = line.bytesRead
      if (!line.ok) {
        bad(line.lineNumber, line.reason)
        continue
      }
      try {
        const normal = normaliseRecord(line.record, fieldMap, line.lineNumber)
        const row = buildRows(normal, datasetId, line.lineNumber, lexicon, started)
        rows += 1
        textChars += normal.problem.length + normal.reasoning.length + normal.answer.length
        traces.push(row.trace)
        texts.push(row.texts)
      } catch (error) {
        if (!(error instanceof RowError)) throw error
        bad(line.lineNumber, error.message)
      }
      if (traces.length >= BATCH_SIZE) await flush()
    }
    await flush()
    signal?.throwIfAborted()
    bytes = file.size
    report(true)
    if (rows === 0) {
      throw new ImportError(
        `${fileName}: no valid rows (${badRowCount} bad; ${describeBad(badRows)})`,
      )
    }
    const awaitingDecision = badRowCount > 0
    if (!awaitingDecision)
      await finishDataset(db, datasetId, { traceCount: rows, textChars, fieldMap })
    else await db.datasets.update(datasetId, { traceCount: rows, textChars })
    return {
      datasetId,
      traceCount: rows,
      textChars,
      badRowCount,
      badRows,
      fieldMap,
      awaitingDecision,
    }
  } catch (error) {
    await deleteDataset(db, datasetId)
    throw error
  }
}

async function* concat<T>(head: T[], rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield* head
  for (;;) {
    const next = await rest.next()
    if (next.done) return
    yield next.value
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function noRowsMessage(fileName: string, head: ParsedLine[]): string {
  const firstBad = head.find((l) => !l.ok)
  if (!firstBad || firstBad.ok) return `${fileName}: the file holds no rows`
  return `${fileName}: not JSON Lines (line ${firstBad.lineNumber}: ${firstBad.reason})`
}

function describeBad(rows: BadRow[]): string {
  const first = rows[0]
  return first ? `first: line ${first.line}: ${first.reason}` : 'none listed'
}
