/// <reference lib="webworker" />
/**
 * The round-trip bench's side of the database (bench/suites/roundtrip.mjs), in the app's own
 * database and through the app's db modules:
 * - `addSpans`: labels every trace of the database with a few spans and one relation (what a
 *   labelled set holds), written as a restore writes them;
 * - `plainExport`: the export baseline: the same rows an export reads (a page of traces, their
 *   texts, spans and relations), each trace `JSON.stringify`-ed as it is and gathered in a Blob
 *   a page at a time. No span checks, no offset conversion, no format.
 */
import { expose } from 'comlink'
import { annotationsOfTraces } from '../../src/db/annotations'
import { TracemarkDB } from '../../src/db/database'
import { putRestoreBatch } from '../../src/db/restore'
import { ALL_KEYS, datasetKeyRange, getTextsOf, tracesPage } from '../../src/db/traces'
import { TAXONOMY_PRESETS } from '../../src/lib/analysis/taxonomy-presets'
import type { Annotation, Relation, TraceTexts } from '../../src/lib/traces/trace-model'
import { groupBy } from '../../src/lib/collections/group-by'

const PAGE_SIZE = 500

export interface AddSpansResult {
  /** The dataset of the last page (the bench imports one). */
  datasetId: string
  traces: number
  spans: number
  relations: number
}

export interface PlainExportResult {
  ms: number
  bytes: number
  traces: number
}

export interface RoundtripApi {
  addSpans(spansPerTrace: number): Promise<AddSpansResult>
  plainExport(datasetId: string): Promise<PlainExportResult>
}

expose({ addSpans, plainExport } satisfies RoundtripApi)

const db = new TracemarkDB()

const SPAN_LABELS = TAXONOMY_PRESETS.flatMap((t) => t.labels).filter((l) => l.level === 'span')

/** `count` spans of about 60 characters, spread over the reasoning, each starting on a word. */
function spansOf(texts: TraceTexts, count: number): Annotation[] {
  const text = texts.reasoning
  const spans: Annotation[] = []
  for (let k = 0; k < count; k++) {
    const from = text.indexOf(' ', Math.floor((text.length * k) / count)) + 1
    const start = from > 0 ? from : 0
    const end = Math.min(text.length, start + 60)
    if (end <= start) continue
    spans.push({
      id: `bench-${texts.traceId}-${k}`,
      traceId: texts.traceId,
      field: 'reasoning',
      start,
      end,
      quote: text.slice(start, end),
      label: SPAN_LABELS[k % SPAN_LABELS.length]!.id,
      note: k === 0 ? 'bench note' : '',
      annotator: k % 2 ? 'bench-b' : 'bench-a',
      origin: 'manual',
      rejected: false,
      createdAt: 1,
      updatedAt: 1,
    })
  }
  return spans
}

async function addSpans(spansPerTrace: number): Promise<AddSpansResult> {
  const result: AddSpansResult = { datasetId: '', traces: 0, spans: 0, relations: 0 }
  let after: string | null = null
  for (;;) {
    const traces = await tracesPage(db, after, ALL_KEYS, PAGE_SIZE)
    if (traces.length === 0) break
    const texts = await getTextsOf(
      db,
      traces.map((t) => t.id),
    )
    const annotations: Annotation[] = []
    const relations: Relation[] = []
    for (const t of texts) {
      if (!t) continue
      const spans = spansOf(t, spansPerTrace)
      annotations.push(...spans)
      if (spans.length >= 2) {
        relations.push({
          id: `bench-rel-${t.traceId}`,
          traceId: t.traceId,
          from: spans[1]!.id,
          to: spans[0]!.id,
          label: 'depends-on',
          annotator: 'bench-a',
        })
      }
    }
    await putRestoreBatch(db, { traces: [], texts: [], annotations, relations })
    result.datasetId = traces[0]!.datasetId
    result.traces += traces.length
    result.spans += annotations.length
    result.relations += relations.length
    after = traces[traces.length - 1]!.id
  }
  return result
}

async function plainExport(datasetId: string): Promise<PlainExportResult> {
  const started = performance.now()
  const range = datasetKeyRange(datasetId)
  const parts: Blob[] = []
  let after: string | null = null
  let count = 0
  for (;;) {
    const traces = await tracesPage(db, after, range, PAGE_SIZE)
    if (traces.length === 0) break
    const ids = traces.map((t) => t.id)
    const [texts, { annotations, relations }] = await Promise.all([
      getTextsOf(db, ids),
      annotationsOfTraces(db, ids),
    ])
    const spansOf = groupBy(annotations, (a) => a.traceId)
    const relationsOf = groupBy(relations, (r) => r.traceId)
    const lines = traces.map(
      (trace, i) =>
        `${JSON.stringify({
          trace,
          texts: texts[i],
          spans: spansOf.get(trace.id) ?? [],
          relations: relationsOf.get(trace.id) ?? [],
        })}\n`,
    )
    parts.push(new Blob(lines))
    count += traces.length
    after = traces[traces.length - 1]!.id
  }
  const blob = new Blob(parts, { type: 'application/x-ndjson' })
  return { ms: performance.now() - started, bytes: blob.size, traces: count }
}
