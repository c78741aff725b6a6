/**
 * Streams traces out in an export format (Tracemark JSONL unless told), a page at a time, so that
 * memory holds one page of texts, not the dataset. Two sources: a whole dataset (by its key range)
 * or a chosen set of traces (the table's selection, possibly across datasets). Two sinks: with
 * `emit` (a file opened through the File System Access API), each page's part is handed over as
 * soon as it is written and the next page is read only once it has been taken, so the export never
 * sits in memory whole; without it, the parts are gathered into one Blob (a download), and Blobs
 * of Blobs are cheap.
 */
import { annotationsOfTraces } from '../db/annotations'
import type { TracemarkDB } from '../db/database'
import { getDataset } from '../db/datasets'
import { datasetKeyRange, getTextsOf, getTraces, tracesPage } from '../db/traces'
import { strToU8, zipSync } from 'fflate'
import { exportFormat, type ExportWriter } from '../lib/export/formats'
import { filterBundle, isEmptyFilter, traceMatches } from '../lib/export/export-filter'
import type { TraceBundle } from '../lib/export/tracemark-schema'
import type { Dataset, Trace } from '../lib/traces/trace-model'
import type { ExportChoice, ExportProgress, ExportSink } from './export-protocol'
import { groupBy } from '../lib/collections/group-by'

const PAGE_SIZE = 500

const TRACEMARK: ExportChoice = { format: 'tracemark', options: { texts: true } }

/**
 * The export's file as it is written: each page's part goes to `emit` when there is one (and the
 * result is null), else into the one Blob the export resolves with. A format with a companion
 * file (Label Studio's config) is zipped whole at the end, so it is emitted once.
 */
function fileParts(writer: ExportWriter, mimeType: string, emit?: ExportSink) {
  const parts: Blob[] = []
  const streams = emit !== undefined && !hasCompanion(writer)
  const add = async (part: BlobPart[]): Promise<void> => {
    if (part.length === 0) return
    const blob = new Blob(part, { type: mimeType })
    if (streams) await emit(blob)
    else parts.push(blob)
  }
  const end = async (): Promise<Blob | null> => {
    await add(writer.finish())
    if (streams) return null
    const whole = await packed(writer, new Blob(parts, { type: mimeType }))
    if (!emit) return whole
    await emit(whole)
    return null
  }
  return { add, end }
}

export function exportDatasetJsonl(
  db: TracemarkDB,
  datasetId: string,
  onProgress: (p: ExportProgress) => void,
  choice?: ExportChoice,
): Promise<Blob>
export function exportDatasetJsonl(
  db: TracemarkDB,
  datasetId: string,
  onProgress: (p: ExportProgress) => void,
  choice: ExportChoice | undefined,
  emit: ExportSink | undefined,
): Promise<Blob | null>
export async function exportDatasetJsonl(
  db: TracemarkDB,
  datasetId: string,
  onProgress: (p: ExportProgress) => void,
  choice: ExportChoice = TRACEMARK,
  emit?: ExportSink,
): Promise<Blob | null> {
  const dataset = await getDataset(db, datasetId)
  if (!dataset) throw new Error(`dataset ${datasetId} does not exist`)
  const range = datasetKeyRange(datasetId)
  const { writer, lines, mimeType } = pageWriter(db, choice)
  const file = fileParts(writer, mimeType, emit)
  let after: string | null = null
  let done = 0
  for (;;) {
    const traces = await tracesPage(db, after, range, PAGE_SIZE)
    if (traces.length === 0) break
    await file.add(await lines(traces))
    done += traces.length
    after = traces[traces.length - 1]!.id
    onProgress({ traces: done, totalTraces: dataset.traceCount })
  }
  return file.end()
}

/** The chosen traces, in the order given; ids that no longer exist are skipped. */
export function exportTracesJsonl(
  db: TracemarkDB,
  traceIds: string[],
  onProgress: (p: ExportProgress) => void,
  choice?: ExportChoice,
): Promise<Blob>
export function exportTracesJsonl(
  db: TracemarkDB,
  traceIds: string[],
  onProgress: (p: ExportProgress) => void,
  choice: ExportChoice | undefined,
  emit: ExportSink | undefined,
): Promise<Blob | null>
export async function exportTracesJsonl(
  db: TracemarkDB,
  traceIds: string[],
  onProgress: (p: ExportProgress) => void,
  choice: ExportChoice = TRACEMARK,
  emit?: ExportSink,
): Promise<Blob | null> {
  const { writer, lines, mimeType } = pageWriter(db, choice)
  const file = fileParts(writer, mimeType, emit)
  for (let i = 0; i < traceIds.length; i += PAGE_SIZE) {
    const traces = await getTraces(db, traceIds.slice(i, i + PAGE_SIZE))
    await file.add(await lines(traces))
    onProgress({ traces: Math.min(i + PAGE_SIZE, traceIds.length), totalTraces: traceIds.length })
  }
  return file.end()
}

function hasCompanion(writer: ExportWriter): writer is ExportWriter & { config(): unknown } {
  return 'config' in writer && typeof writer.config === 'function'
}

/**
 * A writer with a companion file (Label Studio's labelling config) gives a zip of both, so one
 * download holds what the target needs.
 */
async function packed(writer: ExportWriter, blob: Blob): Promise<Blob> {
  if (!hasCompanion(writer)) return blob
  const zip = zipSync({
    'tasks.json': new Uint8Array(await blob.arrayBuffer()),
    'labeling-config.xml': strToU8(String(writer.config())),
  })
  return new Blob([zip], { type: 'application/zip' })
}

/** The format's writer, and a function that writes a page of traces with it. */
function pageWriter(db: TracemarkDB, choice: ExportChoice) {
  const format = exportFormat(choice.format)
  const writer: ExportWriter = format.create(choice.options)
  const bundles = pageBundles(db)
  const { filter } = choice
  const lines = async (traces: Trace[]): Promise<BlobPart[]> => {
    if (!filter || isEmptyFilter(filter)) {
      return (await bundles(traces)).flatMap((bundle) => writer.add(bundle))
    }
    // The trace's own fields first, so that texts and spans of traces left out are not read.
    const read = await bundles(traces.filter((trace) => traceMatches(trace, filter)))
    return read.flatMap((bundle) => {
      const kept = filterBundle(bundle, filter)
      return kept ? writer.add(kept) : []
    })
  }
  return { writer, lines, mimeType: format.mimeType }
}

/** Reads a page of traces whole: texts, spans, relations and datasets. */
function pageBundles(db: TracemarkDB) {
  const datasets = new Map<string, Dataset>()
  return async (traces: Trace[]): Promise<TraceBundle[]> => {
    const ids = traces.map((t) => t.id)
    const [texts, { annotations, relations }] = await Promise.all([
      getTextsOf(db, ids),
      annotationsOfTraces(db, ids),
    ])
    for (const t of traces) {
      if (datasets.has(t.datasetId)) continue
      const dataset = await getDataset(db, t.datasetId)
      if (!dataset) throw new Error(`trace ${t.key} belongs to no dataset`)
      datasets.set(t.datasetId, dataset)
    }
    const spansOf = groupBy(annotations, (a) => a.traceId)
    const relationsOf = groupBy(relations, (r) => r.traceId)
    return traces.map((trace, i) => {
      const text = texts[i]
      if (!text) throw new Error(`trace ${trace.key} has no stored text`)
      const spans = (spansOf.get(trace.id) ?? []).sort((a, b) => a.start - b.start || a.end - b.end)
      return {
        dataset: datasets.get(trace.datasetId)!,
        trace,
        texts: text,
        annotations: spans,
        relations: relationsOf.get(trace.id) ?? [],
      }
    })
  }
}
