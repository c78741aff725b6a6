/**
 * doccano JSONL (FORMATS.md): sequence labelling, `{"text", "label": [[start, end, label]]}`,
 * and the relation-extraction variant with `entities` and `relations`. Offsets in UTF-16 code
 * units, as doccano's editor counts. Extra keys are metadata to doccano: each line also carries
 * the trace's key, dataset, problem hash (to find the trace again), tags and every span's text
 * and annotator, so it reads back exactly.
 */
import type { TraceBundle } from '../tracemark-schema'
import { reasoningSpans, relationsBetween } from './labelled-spans'

export interface DoccanoSpanMeta {
  text: string
  annotator: string
  note: string
}

export function toDoccanoLine(bundle: TraceBundle, withRelations: boolean): string {
  const spans = reasoningSpans(bundle)
  const meta = {
    id: bundle.trace.key,
    dataset: bundle.dataset.name,
    problem_hash: bundle.trace.problemHash,
    tags: bundle.trace.tags,
    spans: spans.map((s): DoccanoSpanMeta => ({
      text: s.annotation.quote,
      annotator: s.annotation.annotator,
      note: s.annotation.note,
    })),
  }
  const text = bundle.texts.reasoning
  if (!withRelations) {
    return JSON.stringify({
      text,
      label: spans.map((s) => [s.start, s.end, s.annotation.label]),
      ...meta,
    })
  }
  const index = new Map(spans.map((s, i) => [s.annotation.id, i]))
  const entities = spans.map((s, i) => ({
    id: i,
    start_offset: s.start,
    end_offset: s.end,
    label: s.annotation.label,
  }))
  const relations = relationsBetween(bundle, spans).map((r, i) => ({
    id: i,
    from_id: index.get(r.from)!,
    to_id: index.get(r.to)!,
    type: r.label,
  }))
  return JSON.stringify({ text, entities, relations, ...meta })
}
