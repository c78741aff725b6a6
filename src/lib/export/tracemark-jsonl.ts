/**
 * Writer of Tracemark JSONL (schema in ./tracemark-schema.ts) and the public entry of the
 * format: the reader lives in ./tracemark-parse.ts and is re-exported here.
 * Must stay thread-portable (it runs in the export worker): plain data in, a string out.
 */
import type { Annotation, Relation, TraceMetrics } from '../traces/trace-model'
import { ExportError, makeSpanChecker } from './span-check'
import {
  TRACEMARK_FORMAT,
  TRACEMARK_OFFSET_UNIT,
  TRACEMARK_VERSION,
  type TraceBundle,
  type TracemarkLine,
  type TracemarkMetrics,
  type TracemarkRelation,
  type TracemarkSpan,
} from './tracemark-schema'

export { ExportError } from './span-check'
export { parseTracemarkLine, TracemarkParseError } from './tracemark-parse'
export type { TraceBundle, TracemarkLine, TracemarkRecord } from './tracemark-schema'

/** Line separators other than "\n" that some splitters honour; only ever inside JSON strings. */
const LINE_BREAKERS = /[\u0085\u2028\u2029]/g

/**
 * One line of Tracemark JSONL for one trace, without the trailing newline.
 * Throws ExportError if a span no longer matches its text or the bundle's ids disagree.
 */
export function toTracemarkLine(bundle: TraceBundle): string {
  const { dataset, trace, texts } = bundle
  checkIds(bundle)
  const line: TracemarkLine = {
    format: TRACEMARK_FORMAT,
    version: TRACEMARK_VERSION,
    offset_unit: TRACEMARK_OFFSET_UNIT,
    dataset: {
      id: dataset.id,
      name: dataset.name,
      source: dataset.source,
      format: dataset.format,
      variant: dataset.variant,
      status: dataset.status,
      imported_at: dataset.importedAt,
      trace_count: dataset.traceCount,
      text_chars: dataset.textChars,
      field_map: dataset.fieldMap,
    },
    trace: {
      id: trace.id,
      key: trace.key,
      problem_hash: trace.problemHash,
      problem_preview: trace.problemPreview,
      model: trace.model,
      correct: trace.correct,
      ...(trace.truncated === undefined ? {} : { truncated: trace.truncated }),
      status: trace.status,
      tags: trace.tags,
      ...(trace.tagsBy === undefined ? {} : { tags_by: trace.tagsBy }),
      ...(trace.note === undefined ? {} : { note: trace.note }),
      ordinal: trace.ordinal,
      updated_at: trace.updatedAt,
      metrics: metricsToLine(trace.metrics),
    },
    problem: texts.problem,
    reasoning: texts.reasoning,
    answer: texts.answer,
    gold: texts.gold,
    extra: texts.extra,
    spans: spansToLine(bundle),
    relations: bundle.relations.map(relationToLine),
  }
  return JSON.stringify(line).replace(
    LINE_BREAKERS,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** The line leaves out the ids it implies; they must agree, or re-import would rewire rows. */
function checkIds({ dataset, trace, texts, annotations, relations }: TraceBundle): void {
  const fail = (detail: string) => new ExportError(trace.key, null, detail)
  if (trace.datasetId !== dataset.id)
    throw fail(`belongs to dataset ${trace.datasetId}, not ${dataset.id}`)
  if (texts.traceId !== trace.id || texts.datasetId !== dataset.id) {
    throw fail(`texts belong to trace ${texts.traceId} of dataset ${texts.datasetId}`)
  }
  const spanIds = new Set<string>()
  for (const annotation of annotations) {
    if (annotation.traceId !== trace.id) {
      throw new ExportError(trace.key, annotation.id, `span belongs to trace ${annotation.traceId}`)
    }
    if (spanIds.has(annotation.id))
      throw new ExportError(trace.key, annotation.id, 'duplicate span id')
    spanIds.add(annotation.id)
  }
  for (const relation of relations) {
    if (relation.traceId !== trace.id)
      throw fail(`relation ${relation.id} belongs to trace ${relation.traceId}`)
    for (const end of [relation.from, relation.to]) {
      if (!spanIds.has(end)) {
        throw new ExportError(
          trace.key,
          end,
          `relation ${relation.id} points to a span that is not in the trace`,
        )
      }
    }
  }
}

function spansToLine({ trace, texts, annotations }: TraceBundle): TracemarkSpan[] {
  const check = makeSpanChecker(trace.key, texts)
  return annotations.map((annotation: Annotation) => {
    const { startCp, endCp } = check(annotation)
    return {
      id: annotation.id,
      field: annotation.field,
      start: annotation.start,
      end: annotation.end,
      start_cp: startCp,
      end_cp: endCp,
      text: annotation.quote,
      label: annotation.label,
      note: annotation.note,
      annotator: annotation.annotator,
      origin: annotation.origin,
      rejected: annotation.rejected,
      ...(annotation.attributes === undefined ? {} : { attributes: annotation.attributes }),
      created_at: annotation.createdAt,
      updated_at: annotation.updatedAt,
    }
  })
}

function relationToLine(relation: Relation): TracemarkRelation {
  const { id, from, to, label, annotator } = relation
  return { id, from, to, label, annotator }
}

function metricsToLine(metrics: TraceMetrics): TracemarkMetrics {
  return {
    chars: metrics.chars,
    words: metrics.words,
    tokens: metrics.tokens,
    steps: metrics.steps,
    sentences: metrics.sentences,
    pivots: metrics.pivots,
    pivot_total: metrics.pivotTotal,
    pivots_per_1k: metrics.pivotsPer1k,
    pivot_categories: metrics.pivotCategories,
    backtracks: metrics.backtracks,
    verifications: metrics.verifications,
    first_pivot_at: metrics.firstPivotAt,
    has_final_answer: metrics.hasFinalAnswer,
    lexicon_id: metrics.lexiconId,
    lexicon_hash: metrics.lexiconHash,
    phrase_counts: metrics.phraseCounts,
    pivot_positions: metrics.pivotPositions,
  }
}
