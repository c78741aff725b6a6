/**
 * Streams one dataset out as Tracemark JSONL, a page of traces at a time, so that memory holds
 * one page of texts, not the dataset: each page becomes a Blob, and Blobs of Blobs are cheap.
 */
import type { TracemarkDB } from '../db/database'
import { toTracemarkLine } from '../lib/export/tracemark-jsonl'
import { traceIdPrefix } from '../lib/ids'
import type { Annotation, Relation } from '../lib/trace-model'
import type { ExportProgress } from './export-protocol'

const PAGE_SIZE = 500

export async function exportDatasetJsonl(
  db: TracemarkDB,
  datasetId: string,
  onProgress: (p: ExportProgress) => void,
): Promise<Blob> {
  const dataset = await db.datasets.get(datasetId)
  if (!dataset) throw new Error(`dataset ${datasetId} does not exist`)
  const prefix = traceIdPrefix(datasetId)
  const parts: Blob[] = []
  let after = prefix
  let done = 0
  for (;;) {
    const traces = await db.traces
      .where('id')
      .between(after, `${prefix}\uffff`, false, false)
      .limit(PAGE_SIZE)
      .toArray()
    if (traces.length === 0) break
    const ids = traces.map((t) => t.id)
    const [texts, annotations, relations] = await Promise.all([
      db.texts.bulkGet(ids),
      db.annotations.where('traceId').anyOf(ids).toArray(),
      db.relations.where('traceId').anyOf(ids).toArray(),
    ])
    const spansOf = groupBy(annotations)
    const relationsOf = groupBy(relations)
    const lines = traces.map((trace, i) => {
      const text = texts[i]
      if (!text) throw new Error(`trace ${trace.key} has no stored text`)
      const spans = (spansOf.get(trace.id) ?? []).sort((a, b) => a.start - b.start || a.end - b.end)
      return `${toTracemarkLine({
        dataset,
        trace,
        texts: text,
        annotations: spans,
        relations: relationsOf.get(trace.id) ?? [],
      })}\n`
    })
    parts.push(new Blob(lines))
    done += traces.length
    after = ids[ids.length - 1]!
    onProgress({ traces: done, totalTraces: dataset.traceCount })
  }
  return new Blob(parts, { type: 'application/x-ndjson' })
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
