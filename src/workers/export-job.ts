/**
 * Streams traces out as Tracemark JSONL, a page at a time, so that memory holds one page of
 * texts, not the dataset: each page becomes a Blob, and Blobs of Blobs are cheap.
 * Two sources: a whole dataset (by its key range) or a chosen set of traces (the table's
 * selection, possibly across datasets).
 */
import { annotationsOfTraces } from '../db/annotations'
import type { TracemarkDB } from '../db/database'
import { getDataset } from '../db/datasets'
import { datasetKeyRange, getTextsOf, getTraces, tracesPage } from '../db/traces'
import { toTracemarkLine } from '../lib/export/tracemark-jsonl'
import type { Annotation, Dataset, Relation, Trace } from '../lib/traces/trace-model'
import type { ExportProgress } from './export-protocol'

const PAGE_SIZE = 500

export async function exportDatasetJsonl(
  db: TracemarkDB,
  datasetId: string,
  onProgress: (p: ExportProgress) => void,
): Promise<Blob> {
  const dataset = await getDataset(db, datasetId)
  if (!dataset) throw new Error(`dataset ${datasetId} does not exist`)
  const range = datasetKeyRange(datasetId)
  const lines = pageLines(db)
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
  return new Blob(parts, { type: 'application/x-ndjson' })
}

/** The chosen traces, in the order given; ids that no longer exist are skipped. */
export async function exportTracesJsonl(
  db: TracemarkDB,
  traceIds: string[],
  onProgress: (p: ExportProgress) => void,
): Promise<Blob> {
  const lines = pageLines(db)
  const parts: Blob[] = []
  for (let i = 0; i < traceIds.length; i += PAGE_SIZE) {
    const traces = await getTraces(db, traceIds.slice(i, i + PAGE_SIZE))
    parts.push(new Blob(await lines(traces)))
    onProgress({ traces: Math.min(i + PAGE_SIZE, traceIds.length), totalTraces: traceIds.length })
  }
  return new Blob(parts, { type: 'application/x-ndjson' })
}

/** Turns a page of traces into lines, reading their texts, spans, relations and datasets. */
function pageLines(db: TracemarkDB) {
  const datasets = new Map<string, Dataset>()
  return async (traces: Trace[]): Promise<string[]> => {
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
      const line = toTracemarkLine({
        dataset: datasets.get(trace.datasetId)!,
        trace,
        texts: text,
        annotations: spans,
        relations: relationsOf.get(trace.id) ?? [],
      })
      return `${line}\n`
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
