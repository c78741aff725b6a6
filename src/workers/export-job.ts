/**
 * Streams traces out in an export format (Tracemark JSONL unless told), a page at a time, so that memory holds one page of
 * texts, not the dataset: each page becomes a Blob, and Blobs of Blobs are cheap.
 * Two sources: a whole dataset (by its key range) or a chosen set of traces (the table's
 * selection, possibly across datasets).
 */
import { annotationsOfTraces } from '../db/annotations'
import type { TracemarkDB } from '../db/database'
import { getDataset } from '../db/datasets'
import { datasetKeyRange, getTextsOf, getTraces, tracesPage } from '../db/traces'
import { strToU8, zipSync } from 'fflate'
import { exportFormat, type ExportWriter } from '../lib/export/formats'
import { filterBundle, isEmptyFilter, traceMatches } from '../lib/export/export-filter'
import type { TraceBundle } from '../lib/export/tracemark-schema'
import type { Annotation, Dataset, Relation, Trace } from '../lib/traces/trace-model'
import type { ExportChoice, ExportProgress } from './export-protocol'

const PAGE_SIZE = 500

const TRACEMARK: ExportChoice = { format: 'tracemark', options: { texts: true } }

export async function exportDatasetJsonl(
  db: TracemarkDB,
  datasetId: string,
  onProgress: (p: ExportProgress) => void,
  choice: ExportChoice = TRACEMARK,
): Promise<Blob> {
  const dataset = await getDataset(db, datasetId)
  if (!dataset) throw new Error(`dataset ${datasetId} does not exist`)
  const range = datasetKeyRange(datasetId)
  const { writer, lines, mimeType } = pageWriter(db, choice)
  const parts: Blob[] = []
  let after: string | null = null
  let done = 0
  for (;;) {
    const traces = await tracesPage(db, after, range, PAGE_SIZE)
    if (traces.length === 0) break
    parts.push(new Blob(await lines(traces)))
    done += traces.length
    after = traces[traces.length - 1]!.id
    onProgress({ traces: done, totalTraces: dataset.traceCount })
  }
  parts.push(new Blob(writer.finish()))
  return packed(writer, new Blob(parts, { type: mimeType }))
}

/** The chosen traces, in the order given; ids that no longer exist are skipped. */
export async function exportTracesJsonl(
  db: TracemarkDB,
  traceIds: string[],
  onProgress: (p: ExportProgress) => void,
  choice: ExportChoice = TRACEMARK,
): Promise<Blob> {
  const { writer, lines, mimeType } = pageWriter(db, choice)
  const parts: Blob[] = []
  for (let i = 0; i < traceIds.length; i += PAGE_SIZE) {
    const traces = await getTraces(db, traceIds.slice(i, i + PAGE_SIZE))
    parts.push(new Blob(await lines(traces)))
    onProgress({ traces: Math.min(i + PAGE_SIZE, traceIds.length), totalTraces: traceIds.length })
  }
  parts.push(new Blob(writer.finish()))
  return packed(writer, new Blob(parts, { type: mimeType }))
}

/**
 * A writer with a companion file (Label Studio's labelling config) gives a zip of both, so one
 * download holds what the target needs.
 */
async function packed(writer: ExportWriter, blob: Blob): Promise<Blob> {
  if (!('config' in writer) || typeof writer.config !== 'function') return blob
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
    const spansOf = groupBy(annotations)
    const relationsOf = groupBy(relations)
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

function groupBy<T extends Annotation | Relation>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const row of rows) {
    const list = map.get(row.traceId)
    if (list) list.push(row)
    else map.set(row.traceId, [row])
  }
  return map
}
